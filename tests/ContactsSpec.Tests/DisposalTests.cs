using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>
/// Disposal and cancellation are the caller's doing, not the provider's: they surface as
/// <see cref="ObjectDisposedException"/> and <see cref="OperationCanceledException"/>, never as a ContactsException.
/// </summary>
[TestFixture]
public sealed class DisposalTests
{
    [Test]
    public void A_call_after_dispose_throws_ObjectDisposedException_and_sends_nothing()
    {
        var handler = new ScriptedHandler(_ => Respond.Json(V3ContactJson("1")));
        var client = Client(WazzupV3Options(), handler);
        client.Dispose();

        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetAsync("1"));
            Assert.ThrowsAsync<ObjectDisposedException>(() => client.UpsertAsync(V3Contact(1)));
            Assert.ThrowsAsync<ObjectDisposedException>(async () =>
            {
                await foreach (var contact in client.ListAsync())
                {
                    Assert.Fail($"listed {contact.Id} after dispose");
                }
            });
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [Test]
    public void Disposing_twice_is_harmless()
    {
        var client = Client(WazzupV3Options(), new ScriptedHandler(_ => Respond.Json(V3ContactJson("1"))));
        client.Dispose();

        Assert.DoesNotThrow(client.Dispose);
    }

    [Test]
    public async Task Disposing_during_a_call_ends_it_with_ObjectDisposedException()
    {
        var (handler, started) = Blocking();
        var client = Client(WazzupV3Options(), handler);

        var call = client.GetAsync("1");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        client.Dispose();

        Assert.ThrowsAsync<ObjectDisposedException>(async () => await call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That(handler.Requests, Has.Count.EqualTo(1), "not retried after dispose");
    }

    [Test]
    public async Task Cancelling_a_call_throws_OperationCanceledException()
    {
        var (handler, started) = Blocking();
        using var client = Client(WazzupV3Options(), handler);
        using var cancellation = new CancellationTokenSource();

        var call = client.GetAsync("1", cancellation.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();

        Assert.CatchAsync<OperationCanceledException>(async () => await call.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    // A transport that holds every request until it is cancelled; the task completes once a request arrived.
    private static (ScriptedHandler Handler, TaskCompletionSource Started) Blocking()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new ScriptedHandler(async (_, token) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return Respond.Json(V3ContactJson("1"));
        });
        return (handler, started);
    }
}
