using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Specs;
using ContactsSpec.Conformance.Stubs;

namespace ContactsSpec.Conformance.Tests;

/// <summary>
/// A stateful WireMock scenario built from two documented WAMM responses: the first contact_to answers
/// "phone not checked for WhatsApp, please retry", the next one "insert". The facade's retry must turn that into
/// a success; with retries off, the caller gets the retryable error.
/// </summary>
[TestFixture]
public sealed class FacadeRetryScenarioTests
{
    [Test]
    public async Task Facade_retries_phone_not_checked_and_succeeds()
    {
        const string Tag = "scenario/wamm-retry-then-insert";
        await LoadScenarioAsync(Tag);

        using var client = await FacadeAsync(Tag, maxRetries: 2);
        var result = await client.UpsertAsync(await ExampleContactAsync());

        Assert.Multiple(async () =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ContactWriteOutcome.Created));
            Assert.That(await RequestCountAsync(Tag, 2), Is.EqualTo(2), "one refused attempt, one retry");
        });
    }

    [Test]
    public async Task Without_retries_the_caller_gets_a_retryable_RetryLater()
    {
        const string Tag = "scenario/wamm-no-retry";
        await LoadScenarioAsync(Tag);

        using var client = await FacadeAsync(Tag, maxRetries: 0);
        var error = Assert.ThrowsAsync<ContactsException>(async () => await client.UpsertAsync(await ExampleContactAsync()));

        Assert.Multiple(async () =>
        {
            Assert.That(error!.Kind, Is.EqualTo(ContactsErrorKind.RetryLater));
            Assert.That(error.ProviderCode, Is.EqualTo("phone not checked for WhatsApp, please retry"));
            Assert.That(error.IsRetryable, Is.True);
            Assert.That(await RequestCountAsync(Tag, 1), Is.EqualTo(1));
        });
    }

    // The documented stubs, re-tagged and chained by WireMock scenario states; the end state sets itself again so
    // that it keeps answering (WireMock.Net otherwise leaves it after one match).
    private static async Task LoadScenarioAsync(string tag)
    {
        var cases = await ConformanceSuite.CasesAsync();
        var notChecked = Stub(cases, "wamm/contactTo/200/phone-not-checked-for-whatsapp", tag);
        var insert = Stub(cases, "wamm/contactTo/200/insert", tag);
        ConformanceServer.Server.Given(notChecked.Request).WithTitle(notChecked.Title)
            .InScenario(tag).WillSetStateTo("checked")
            .RespondWith(notChecked.Response);
        ConformanceServer.Server.Given(insert.Request).WithTitle(insert.Title)
            .InScenario(tag).WhenStateIs("checked").WillSetStateTo("checked")
            .RespondWith(insert.Response);
    }

    private static WireMockStub Stub(IEnumerable<ConformanceCase> cases, string id, string tag) =>
        WireMockStubFactory.Build(cases.Single(@case => @case.Id == id), ConformanceTarget.Facade, caseTag: tag, title: $"{tag}: {id}").Single();

    private static async Task<ContactsClient> FacadeAsync(string tag, int maxRetries)
    {
        var spec = (await ConformanceSuite.SpecsAsync()).Single(candidate => candidate.Key == "wamm");
        var options = FacadeInvoker.Options(spec, new Uri(ConformanceServer.Server.BaseUri(), SpecCredentials.ServerBasePath(spec).TrimStart('/')));
        options.Retry.MaxRetries = maxRetries;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        return new ContactsClient(options, new CaseTaggingHandler(tag));
    }

    private static async Task<Contact> ExampleContactAsync()
    {
        var operation = (await ConformanceSuite.SpecsAsync()).Single(spec => spec.Key == "wamm").Operations.Single(candidate => candidate.Id == "contactTo");
        string Param(string name) => operation.ParameterText(name);
        return new Contact { Phone = Param("phone"), Name = Param("name"), Notes = Param("info"), Email = Param("email"), Web = Param("web") };
    }

    // Waits a little past the expected count, so that a late extra request would be counted too.
    private static async Task<int> RequestCountAsync(string tag, int expected) =>
        (await ConformanceServer.Server.WaitForAsync(tag, expected + 1, TimeSpan.FromMilliseconds(300))).Count;
}
