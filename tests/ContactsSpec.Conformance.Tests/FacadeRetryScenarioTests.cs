using System.Text.Json.Nodes;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Conformance.Specs;
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
            Assert.That(await RequestCountAsync(Tag), Is.EqualTo(2), "one refused attempt, one retry");
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
            Assert.That(await RequestCountAsync(Tag), Is.EqualTo(1));
        });
    }

    // The documented stubs, re-tagged and chained by WireMock scenario states.
    private static async Task LoadScenarioAsync(string tag)
    {
        var cases = await ConformanceSuite.CasesAsync();
        var notChecked = Mapping(cases, "wamm/contactTo/200/phone-not-checked-for-whatsapp", tag);
        notChecked["scenarioName"] = tag;
        notChecked["requiredScenarioState"] = "Started";
        notChecked["newScenarioState"] = "checked";
        var insert = Mapping(cases, "wamm/contactTo/200/insert", tag);
        insert["scenarioName"] = tag;
        insert["requiredScenarioState"] = "checked";
        await ConformanceServer.Server.Admin.AddMappingAsync(notChecked);
        await ConformanceServer.Server.Admin.AddMappingAsync(insert);
    }

    private static JsonObject Mapping(IEnumerable<ConformanceCase> cases, string id, string tag)
    {
        var mapping = WireMockStubFactory.Build(cases.Single(@case => @case.Id == id), ConformanceTarget.Facade);
        mapping["name"] = $"{tag}: {id}";
        mapping["request"]!["headers"]![ConformanceHeaders.CaseId] = new JsonObject { ["equalTo"] = tag };
        return mapping;
    }

    private static async Task<ContactsClient> FacadeAsync(string tag, int maxRetries)
    {
        var spec = (await ConformanceSuite.SpecsAsync()).Single(candidate => candidate.Key == "wamm");
        var options = FacadeInvoker.Options(spec, new Uri(ConformanceServer.Server.BaseUri, SpecCredentials.ServerBasePath(spec)));
        options.Retry.MaxRetries = maxRetries;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        return new ContactsClient(options, new TaggingHandler(tag));
    }

    private static async Task<Contact> ExampleContactAsync()
    {
        var operation = (await ConformanceSuite.SpecsAsync()).Single(spec => spec.Key == "wamm").Operations.Single(candidate => candidate.Id == "contactTo");
        string Param(string name) => WireMockStubFactory.ParameterText(operation.Parameters.Single(parameter => parameter.Name == name));
        return new Contact { Phone = Param("phone"), Name = Param("name"), Notes = Param("info"), Email = Param("email"), Web = Param("web") };
    }

    private static async Task<int> RequestCountAsync(string tag) =>
        (await ConformanceServer.Server.Admin.FindRequestsAsync(new JsonObject
        {
            ["method"] = "ANY",
            ["headers"] = new JsonObject { [ConformanceHeaders.CaseId] = new JsonObject { ["equalTo"] = tag } },
        })).Count;

    private sealed class TaggingHandler(string tag) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add(ConformanceHeaders.CaseId, tag);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
