using Microsoft.Extensions.ObjectPool;

namespace ContactsSpec.Internal;

/// <summary>
/// Pools the token sources that time first attempts (<see cref="ContactsResilience"/>): one that did not fire is reset
/// and used again, so a call that succeeds at once allocates no timer.
/// </summary>
internal sealed class AttemptTimerPolicy(TimeProvider timeProvider) : PooledObjectPolicy<CancellationTokenSource>
{
    public override CancellationTokenSource Create() => new(Timeout.InfiniteTimeSpan, timeProvider);

    public override bool Return(CancellationTokenSource obj)
    {
        if (obj.TryReset())
        {
            return true;
        }

        obj.Dispose();
        return false;
    }
}
