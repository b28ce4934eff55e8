using System.Net;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>
/// A write that is not safe to repeat (a WaSMS contact or group creation) and fails in a way the provider may have
/// acted on ends in <see cref="ContactsErrorKind.OutcomeUnknown"/>, never retryable: telling the caller to retry
/// would create the contact twice. A failure that says nothing was done keeps its own kind.
/// </summary>
[TestFixture]
public sealed class OutcomeUnknownTests
{
    private const string Created = """{"status": 200, "message": "Contact has been created!", "data": false}""";
    private const string SomethingWentWrong = """{"status": 500, "message": "Something went wrong!", "data": false}""";

    private static Contact WasmsContact(int number = 0) => new() { Phone = $"+92301234{number:D4}", Name = "Martin Crater", Groups = ["1"] };

    public static IEnumerable<TestCaseData> AmbiguousFailures()
    {
        yield return new TestCaseData(new Func<ScriptedHandler>(() => new ScriptedHandler(_ => throw new HttpRequestException("Connection reset by peer"))), null)
            .SetName("a connection dropped after sending");
        yield return new TestCaseData(new Func<ScriptedHandler>(() => new ScriptedHandler(_ => Respond.Status(HttpStatusCode.BadGateway))), 502)
            .SetName("an HTTP 502");
        yield return new TestCaseData(new Func<ScriptedHandler>(() => new ScriptedHandler(_ => Respond.Json(SomethingWentWrong))), 200)
            .SetName("the documented Something went wrong! inside HTTP 200");
        yield return new TestCaseData(new Func<ScriptedHandler>(() => new ScriptedHandler(_ => Respond.Json("{\"status\": 200, \"message\": \"Contact has been cr"))), null)
            .SetName("a success status with a body cut short");
    }

    [TestCaseSource(nameof(AmbiguousFailures))]
    public async Task A_wasms_create_that_may_have_reached_the_provider_is_outcome_unknown_and_not_retryable(Func<ScriptedHandler> script, int? status)
    {
        var handler = script();
        using var client = Client(WasmsOptions(maxRetries: 3), handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(WasmsContact()));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.OutcomeUnknown));
            Assert.That(error.IsRetryable, Is.False, "retrying could create the contact twice");
            Assert.That(error.Status, Is.EqualTo(status), "the status the failure itself carried");
            Assert.That(error.InnerException, Is.InstanceOf<ContactsException>(), "the failure itself stays readable");
            Assert.That(error.Message, Does.Contain("Check"), "the message says what to do");
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task The_documented_provider_code_is_kept_verbatim()
    {
        var handler = new ScriptedHandler(_ => Respond.Json(SomethingWentWrong));
        using var client = Client(WasmsOptions(), handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(WasmsContact()));

        Assert.Multiple(() =>
        {
            Assert.That(error.ProviderCode, Is.EqualTo("Something went wrong!"));
            Assert.That(((ContactsException)error.InnerException!).Kind, Is.EqualTo(ContactsErrorKind.ProviderError));
        });
    }

    [Test]
    public async Task A_wasms_create_timing_out_after_sending_is_outcome_unknown()
    {
        var handler = new ScriptedHandler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), token);
            return Respond.Json(Created);
        });
        var options = WasmsOptions(maxRetries: 3);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(50);
        using var client = Client(options, handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(WasmsContact()));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.OutcomeUnknown));
            Assert.That(error.IsRetryable, Is.False);
            Assert.That(error.Message, Does.Contain("per-attempt limit"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_group_creation_that_may_have_happened_is_outcome_unknown()
    {
        var handler = new ScriptedHandler(_ => Respond.Json(SomethingWentWrong));
        using var client = Client(WasmsOptions(maxRetries: 3), handler);

        var error = await ContactsErrorAsync(() => client.CreateGroupAsync("Friends"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.OutcomeUnknown));
            Assert.That(error.Operation, Is.EqualTo("CreateGroup"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Time_running_out_while_waiting_to_retry_a_rate_limited_create_is_the_rate_limit_not_an_unknown_outcome()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.TooManyRequests));
        var options = WasmsOptions(maxRetries: 3);
        options.Retry.BaseDelay = TimeSpan.FromSeconds(5);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.OverallTimeout = TimeSpan.FromMilliseconds(300);
        using var client = Client(options, handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(WasmsContact()));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.RetryLater), "the provider said it did not process the request");
            Assert.That(error.Status, Is.EqualTo(429));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_connection_never_made_is_transport_and_retryable_since_nothing_was_sent()
    {
        var handler = new ScriptedHandler(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        using var client = Client(WasmsOptions(maxRetries: 0), handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(WasmsContact()));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.Transport));
            Assert.That(error.IsRetryable, Is.True);
        });
    }

    [TestCase("""{"status": 400, "message": "Invalid phone number!", "data": false}""", ContactsErrorKind.InvalidInput)]
    [TestCase("""{"status": 401, "message": "Invalid API secret supplied!", "data": false}""", ContactsErrorKind.Authentication)]
    public async Task A_refusal_stays_what_it_is(string body, ContactsErrorKind kind)
    {
        var handler = new ScriptedHandler(_ => Respond.Json(body));
        using var client = Client(WasmsOptions(), handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(WasmsContact()));

        Assert.That(error.Kind, Is.EqualTo(kind));
    }

    [Test]
    public async Task An_idempotent_write_that_fails_the_same_way_stays_retryable()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.BadGateway));
        using var client = Client(WazzupV3Options(maxRetries: 0), handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(V3Contact(0)));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.ProviderError));
            Assert.That(error.IsRetryable, Is.True);
        });
    }

    [Test]
    public async Task A_batch_reports_each_unknown_item_apart_from_the_failed_ones()
    {
        var handler = new ScriptedHandler(request => request.Body!.Contains("0001", StringComparison.Ordinal)
            ? Respond.Json(SomethingWentWrong)
            : request.Body.Contains("0002", StringComparison.Ordinal)
                ? Respond.Json("""{"status": 400, "message": "Invalid phone number!", "data": false}""")
                : Respond.Json(Created));
        using var client = Client(WasmsOptions(), handler);

        var result = await client.UpsertManyAsync([WasmsContact(0), WasmsContact(1), WasmsContact(2)]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Items.Select(item => item.Status), Is.EqualTo(new[]
            {
                ContactBatchItemStatus.Succeeded, ContactBatchItemStatus.OutcomeUnknown, ContactBatchItemStatus.Failed,
            }));
            Assert.That(result.OutcomeUnknown.Select(item => item.Index), Is.EqualTo(new[] { 1 }));
            Assert.That(result.Failed.Select(item => item.Index), Is.EqualTo(new[] { 2 }));
            Assert.That(result.Items[1].Error!.Kind, Is.EqualTo(ContactsErrorKind.OutcomeUnknown));
        });
    }
}
