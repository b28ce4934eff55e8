using System.Diagnostics;
using System.Net;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>Retries: idempotent calls retry retryable failures, non-idempotent ones never after the provider may have acted.</summary>
[TestFixture]
public sealed class RetryTests
{
    private static Contact WasmsContact => new() { Phone = "+923012345678", Name = "Martin Crater", Groups = ["1"] };

    private static HttpResponseMessage V3Found() => Respond.Json(V3ContactJson("1"));

    [Test]
    public async Task Server_error_then_success_succeeds_on_the_second_attempt()
    {
        var handler = ScriptedHandler.Sequence(() => Respond.Status(HttpStatusCode.InternalServerError), V3Found);
        using var client = Client(WazzupV3Options(), handler);

        var contact = await client.GetAsync("1");

        Assert.Multiple(() =>
        {
            Assert.That(contact.Id, Is.EqualTo("1"));
            Assert.That(handler.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Too_many_requests_with_retry_after_zero_then_success_succeeds()
    {
        var handler = ScriptedHandler.Sequence(() => Respond.TooManyRequests(0), V3Found);
        using var client = Client(WazzupV3Options(), handler);

        var contact = await client.GetAsync("1");

        Assert.Multiple(() =>
        {
            Assert.That(contact.Id, Is.EqualTo("1"));
            Assert.That(handler.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task With_max_retries_zero_the_first_server_error_fails()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.InternalServerError));
        using var client = Client(WazzupV3Options(maxRetries: 0), handler);

        var error = await ContactsErrorAsync(() => client.GetAsync("1"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.ProviderError));
            Assert.That(error.IsRetryable, Is.True);
            Assert.That(error.Status, Is.EqualTo(500));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [TestCase(1)]
    [TestCase(3)]
    public async Task A_persistent_server_error_is_tried_max_retries_plus_one_times(int maxRetries)
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.InternalServerError));
        using var client = Client(WazzupV3Options(maxRetries), handler);

        var error = await ContactsErrorAsync(() => client.GetAsync("1"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(500));
            Assert.That(handler.Requests, Has.Count.EqualTo(maxRetries + 1));
        });
    }

    [TestCase(HttpStatusCode.BadRequest)]
    [TestCase(HttpStatusCode.Unauthorized)]
    [TestCase(HttpStatusCode.Forbidden)]
    [TestCase(HttpStatusCode.NotFound)]
    public async Task Client_errors_are_not_retried(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(_ => Respond.Status(status));
        using var client = Client(WazzupV3Options(maxRetries: 3), handler);

        var error = await ContactsErrorAsync(() => client.DeleteAsync("1"));

        Assert.Multiple(() =>
        {
            Assert.That(error.IsRetryable, Is.False);
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Transport_failure_on_an_idempotent_upsert_is_retried_then_reported_as_transport()
    {
        var handler = new ScriptedHandler(_ => throw new HttpRequestException("Connection reset by peer"));
        using var client = Client(WazzupV3Options(maxRetries: 2), handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(V3Contact(1)));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.Transport));
            Assert.That(error.IsRetryable, Is.True);
            Assert.That(error.Status, Is.Null);
            Assert.That(handler.Requests, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task Transport_failure_then_success_succeeds()
    {
        var handler = new ScriptedHandler(request => request.Sequence == 0 ? throw new HttpRequestException("Connection refused") : Respond.Status(HttpStatusCode.OK));
        using var client = Client(WazzupV3Options(), handler);

        await client.UpsertAsync(V3Contact(1));

        Assert.That(handler.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task An_attempt_slower_than_the_attempt_timeout_is_retried_then_reported_as_transport()
    {
        var handler = new ScriptedHandler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), token);
            return V3Found();
        });
        var options = WazzupV3Options(maxRetries: 2);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(50);
        using var client = Client(options, handler);
        var watch = Stopwatch.StartNew();

        var error = await ContactsErrorAsync(() => client.GetAsync("1"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.Transport));
            Assert.That(error.IsRetryable, Is.True);
            Assert.That(handler.Requests, Has.Count.EqualTo(3));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(1400)), "each attempt is cut off at 50 ms, not left to run 500 ms");
        });
    }

    [Test]
    public async Task The_overall_timeout_ends_the_retries()
    {
        var handler = new ScriptedHandler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), token);
            return V3Found();
        });
        var options = WazzupV3Options(maxRetries: 10);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(60);
        options.OverallTimeout = TimeSpan.FromMilliseconds(150);
        using var client = Client(options, handler);
        var watch = Stopwatch.StartNew();

        var error = await ContactsErrorAsync(() => client.GetAsync("1"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.Transport));
            Assert.That(handler.Requests, Has.Count.InRange(1, 4));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
            Assert.That(error.Message, Does.Contain("overall limit of 0.15 s"), "the limit that ran out is the overall one, not the 60 ms per attempt");
        });
    }

    [Test]
    public async Task The_overall_timeout_shorter_than_the_attempt_timeout_ends_the_first_attempt()
    {
        var handler = new ScriptedHandler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), token);
            return V3Found();
        });
        var options = WazzupV3Options(maxRetries: 10);
        options.OverallTimeout = TimeSpan.FromMilliseconds(80);
        using var client = Client(options, handler);

        var error = await ContactsErrorAsync(() => client.GetAsync("1"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.Transport));
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "no retry once the overall limit is spent");
            Assert.That(error.Message, Does.Contain("overall limit of 0.08 s"));
        });
    }

    [Test]
    public async Task Cancelling_an_earlier_calls_token_does_not_cancel_a_later_call()
    {
        // The facade reuses the timer of a finished attempt; the earlier caller's token must be unhooked from it first.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = 0;
        var handler = new ScriptedHandler(async (_, token) =>
        {
            if (Interlocked.Increment(ref requests) == 2)
            {
                await release.Task.WaitAsync(token);
            }

            return V3Found();
        });
        using var client = Client(WazzupV3Options(maxRetries: 0), handler);
        using var earlier = new CancellationTokenSource();
        await client.GetAsync("1", earlier.Token);

        var later = client.GetAsync("1");
        await earlier.CancelAsync();
        release.SetResult();

        Assert.That((await later).Id, Is.EqualTo("1"));
    }

    [Test]
    public void Caller_cancellation_is_an_operation_canceled_exception_not_a_contacts_exception()
    {
        var handler = new ScriptedHandler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), token);
            return V3Found();
        });
        using var client = Client(WazzupV3Options(), handler);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.CatchAsync<OperationCanceledException>(() => client.GetAsync("1", cancellation.Token));
        Assert.That(handler.Requests, Has.Count.EqualTo(1), "a cancelled call is not retried");
    }

    [Test]
    public void Already_cancelled_token_sends_nothing()
    {
        var handler = new ScriptedHandler(_ => V3Found());
        using var client = Client(WazzupV3Options(), handler);

        Assert.CatchAsync<OperationCanceledException>(() => client.UpsertManyAsync(V3Contacts(3), new CancellationToken(canceled: true)));
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public void Caller_cancellation_during_a_batch_is_an_operation_canceled_exception()
    {
        var handler = new ScriptedHandler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), token);
            return Respond.Status(HttpStatusCode.OK);
        });
        using var client = Client(WazzupV3Options(), handler);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.CatchAsync<OperationCanceledException>(() => client.UpsertManyAsync(V3Contacts(250), cancellation.Token));
    }

    [Test]
    public async Task Wasms_create_is_not_retried_after_a_transport_failure()
    {
        var handler = new ScriptedHandler(_ => throw new HttpRequestException("Connection reset by peer"));
        using var client = Client(WasmsOptions(maxRetries: 3), handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(WasmsContact));

        Assert.Multiple(() =>
        {
            Assert.That(client.Capabilities.IdempotentUpsert, Is.False);
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.OutcomeUnknown));
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "the contact may have been created; sending again could duplicate it");
        });
    }

    [Test]
    public async Task Wasms_create_is_not_retried_after_an_attempt_timeout()
    {
        var handler = new ScriptedHandler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), token);
            return Respond.Json("""{"status": 200, "message": "Contact has been created!", "data": false}""");
        });
        var options = WasmsOptions(maxRetries: 3);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(50);
        using var client = Client(options, handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(WasmsContact));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.OutcomeUnknown));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Wasms_create_is_not_retried_after_an_http_server_error()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.BadGateway));
        using var client = Client(WasmsOptions(maxRetries: 3), handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(WasmsContact));

        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(502));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Wasms_list_is_retried_after_a_transport_failure()
    {
        var handler = new ScriptedHandler(_ => throw new HttpRequestException("Connection reset by peer"));
        using var client = Client(WasmsOptions(maxRetries: 2), handler);

        var error = await ContactsErrorAsync(async () =>
        {
            await foreach (var contact in client.ListAsync())
            {
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.Transport));
            Assert.That(handler.Requests, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task Wasms_create_group_is_not_retried_after_a_transport_failure()
    {
        var handler = new ScriptedHandler(_ => throw new HttpRequestException("Connection reset by peer"));
        using var client = Client(WasmsOptions(maxRetries: 3), handler);

        await ContactsErrorAsync(() => client.CreateGroupAsync("Friends"));

        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Wamm_phone_not_checked_is_retried_and_then_succeeds()
    {
        var handler = ScriptedHandler.Sequence(
            () => Respond.Json("""{"err": "phone not checked for WhatsApp, please retry"}"""),
            () => Respond.Json("""{"err": 0, "result": "insert"}"""));
        using var client = Client(WammOptions(), handler);

        var result = await client.UpsertAsync(new Contact { Phone = "79001234567", Name = "Ivan Petrov" });

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ContactWriteOutcome.Created));
            Assert.That(handler.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Wamm_phone_not_checked_persisting_is_retry_later()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"err": "phone not checked, please retry"}"""));
        using var client = Client(WammOptions(maxRetries: 2), handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(new Contact { Phone = "79001234567", Name = "Ivan Petrov" }));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.RetryLater));
            Assert.That(error.IsRetryable, Is.True);
            Assert.That(handler.Requests, Has.Count.EqualTo(3));
        });
    }
}
