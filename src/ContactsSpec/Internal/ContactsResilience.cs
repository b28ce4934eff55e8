using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ObjectPool;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ContactsSpec.Internal;

/// <summary>
/// The Polly pipelines around every provider call: an overall timeout, then retries with jittered exponential
/// backoff (or exactly the provider's <c>Retry-After</c>, when the call can afford that wait), then a per-attempt timeout. Idempotent operations retry
/// every retryable failure; a non-idempotent one (WaSMS create) retries only an answer that says the request was
/// not processed (<see cref="ContactsErrorKind.RetryLater"/>), never a timeout, a dropped connection or a 5xx,
/// after which the provider may have acted: those end the call in <see cref="ContactsErrorKind.OutcomeUnknown"/>.
/// The first attempt runs outside Polly under a pooled timer; only a failure that a retry could follow enters the
/// pipeline, so a call that succeeds at once pays for no strategy.
/// </summary>
internal sealed partial class ContactsResilience
{
    private static readonly ResiliencePropertyKey<long> StartedAt = new("ContactsSpec.StartedAt");

    // Set when a retry is scheduled, to the failure that asked for it; cleared when the next attempt starts. A timeout
    // while it is set fired during the wait, not during a request.
    private static readonly ResiliencePropertyKey<Exception?> WaitingAfter = new("ContactsSpec.WaitingAfter");

    // Set by the overall timeout when it fires, which tells the caller's message which limit ran out.
    private static readonly ResiliencePropertyKey<bool> OverallTimedOut = new("ContactsSpec.OverallTimedOut");

    private readonly ObjectPool<CancellationTokenSource> _attemptTimers;
    private readonly ResiliencePipeline _idempotent;
    private readonly ResiliencePipeline _nonIdempotent;
    private readonly ContactsClientOptions _options;
    private readonly ContactsErrorFactory _errors;
    private readonly CancellationToken _disposal;

    public ContactsResilience(ContactsClientOptions options, ContactsErrorFactory errors, ILogger logger, CancellationToken disposal)
    {
        _options = options;
        _errors = errors;
        _disposal = disposal;
        _attemptTimers = new DefaultObjectPool<CancellationTokenSource>(new AttemptTimerPolicy(options.TimeProvider));
        _idempotent = Build(options, logger, errors.Provider, IsRetryableForIdempotent);
        _nonIdempotent = Build(options, logger, errors.Provider, IsRetryableForNonIdempotent);
    }

    public Task<T> ExecuteAsync<T>(string operation, bool idempotent, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        ExecuteAsync(operation, idempotent, static (call, token) => call(token), call, cancellationToken);

    public Task ExecuteAsync<TState>(string operation, bool idempotent, Func<TState, CancellationToken, Task> call, TState state, CancellationToken cancellationToken) =>
        ExecuteAsync(
            operation,
            idempotent,
            static async (state, token) =>
            {
                await state.Call(state.State, token).ConfigureAwait(false);
                return true;
            },
            (Call: call, State: state),
            cancellationToken);

    /// <summary>
    /// One provider call: <paramref name="call"/> gets <paramref name="state"/> and the attempt's token, so that a caller
    /// passes what the call needs without a closure for every call.
    /// </summary>
    public async Task<T> ExecuteAsync<TState, T>(string operation, bool idempotent, Func<TState, CancellationToken, Task<T>> call, TState state, CancellationToken cancellationToken)
    {
        using var activity = ContactsTelemetry.Start(_errors.Provider, operation);
        var startedAt = ContactsTelemetry.StartTimestamp();
        var attempts = new StrongBox<int>();
        try
        {
            var result = await ExecuteCoreAsync(operation, idempotent, call, state, attempts, cancellationToken).ConfigureAwait(false);
            ContactsTelemetry.Stop(activity, _errors.Provider, operation, startedAt, attempts.Value, error: null);
            return result;
        }
        catch (Exception error)
        {
            ContactsTelemetry.Stop(activity, _errors.Provider, operation, startedAt, attempts.Value, error);
            throw;
        }
    }

    // ValueTask inside: a call that completes at once allocates one task, the one its caller awaits.
    private async ValueTask<T> ExecuteCoreAsync<TState, T>(
        string operation, bool idempotent, Func<TState, CancellationToken, Task<T>> call, TState state, StrongBox<int> attempts, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposal.IsCancellationRequested, typeof(ContactsClient));
        // When the call began: a Retry-After the overall timeout cannot afford ends it at once, and retries get what is left of it.
        var startedAt = _options.TimeProvider.GetTimestamp();
        ResilienceContext? context = null;
        try
        {
            ExceptionDispatchInfo firstFailure;
            try
            {
                return await FirstAttemptAsync(call, state, attempts, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (_options.Retry.MaxRetries > 0 && !IsFinal(failure))
            {
                firstFailure = ExceptionDispatchInfo.Capture(failure);
            }

            // Linked only when the caller can cancel too: most calls then cost no extra token source.
            using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposal) : null;
            context = ResilienceContextPool.Shared.Get(linked?.Token ?? _disposal);
            context.Properties.Set(StartedAt, startedAt);
            // Polly's retry sees the first attempt's failure as its own first outcome (it throws again, sending nothing),
            // so that whether, when and how often to retry is decided exactly as if Polly had made that attempt.
            return await (idempotent ? _idempotent : _nonIdempotent).ExecuteAsync(
                static async (context, state) =>
                {
                    if (state.FirstFailure.Value is { } first)
                    {
                        state.FirstFailure.Value = null;
                        first.Throw();
                    }

                    context.Properties.Set(WaitingAfter, null);
                    state.Attempts.Value++;
                    return await state.Call(state.State, context.CancellationToken).ConfigureAwait(false);
                },
                context,
                (Call: call, State: state, Attempts: attempts, FirstFailure: new StrongBox<ExceptionDispatchInfo?>(firstFailure))).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException) when (!_disposal.IsCancellationRequested)
        {
            // A write not safe to repeat retries only an answer that says nothing was done (RetryLater): time running
            // out while waiting to send it again leaves that answer standing; during a request, the outcome is unknown.
            if (!idempotent && context is not null && context.Properties.TryGetValue(WaitingAfter, out var waiting) && waiting is ContactsException answer)
            {
                ExceptionDispatchInfo.Throw(answer);
            }

            var overall = context is null ? FirstAttemptIsOverall : context.Properties.GetValue(OverallTimedOut, false);
            var timedOut = _errors.TimedOut(operation, overall ? _options.OverallTimeout : _options.AttemptTimeout, overall);
            throw idempotent ? timedOut : _errors.OutcomeUnknown(operation, timedOut);
        }
        catch (ContactsException error) when (!idempotent && ContactsErrorFactory.MayHaveActed(error) && !_disposal.IsCancellationRequested)
        {
            throw _errors.OutcomeUnknown(operation, error);
        }
        catch (Exception error) when (_disposal.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ObjectDisposedException($"The {nameof(ContactsClient)} was disposed during {operation}.", error);
        }
        finally
        {
            if (context is not null)
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
    }

    // The first attempt runs under the overall limit itself when that is not longer than the per-attempt one.
    private bool FirstAttemptIsOverall => _options.OverallTimeout <= _options.AttemptTimeout;

    /// <summary>
    /// The first attempt, outside Polly: most calls succeed at once, and this is all they pay for (one pooled timer,
    /// no pipeline). Its limit is the per-attempt timeout, or the overall one when that is shorter; running out of it
    /// throws <see cref="TimeoutRejectedException"/>, as Polly's timeout strategy would.
    /// </summary>
    private async ValueTask<T> FirstAttemptAsync<TState, T>(Func<TState, CancellationToken, Task<T>> call, TState state, StrongBox<int> attempts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var limit = FirstAttemptIsOverall ? _options.OverallTimeout : _options.AttemptTimeout;
        var timer = _attemptTimers.Get();
        var onCancel = cancellationToken.UnsafeRegister(static timer => ((CancellationTokenSource)timer!).Cancel(), timer);
        var onDisposal = _disposal.UnsafeRegister(static timer => ((CancellationTokenSource)timer!).Cancel(), timer);
        try
        {
            timer.CancelAfter(limit);
            attempts.Value++;
            return await call(state, timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException cancelled) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested && !_disposal.IsCancellationRequested)
        {
            throw new TimeoutRejectedException($"The operation did not finish within {limit}.", limit, cancelled);
        }
        finally
        {
            // Unhooked before the timer goes back to the pool, so that no late cancellation reaches its next user.
            onCancel.Dispose();
            onDisposal.Dispose();
            _attemptTimers.Return(timer);
        }
    }

    // A failure after which no retry is possible: a cancellation, or the overall limit spent in the first attempt.
    private bool IsFinal(Exception failure) =>
        failure is OperationCanceledException || (failure is TimeoutRejectedException && FirstAttemptIsOverall);

    public Task ExecuteAsync(string operation, bool idempotent, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        ExecuteAsync(operation, idempotent, static (call, token) => call(token), call, cancellationToken);

    private static ResiliencePipeline Build(ContactsClientOptions options, ILogger logger, string provider, Func<Exception, bool> retryable)
    {
        // Polly runs only after a first attempt has failed (FirstAttemptAsync), so its overall limit is what is left.
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = arguments => ValueTask.FromResult(Remaining(arguments.Context, options)),
            OnTimeout = arguments =>
            {
                arguments.Context.Properties.Set(OverallTimedOut, true);
                return ValueTask.CompletedTask;
            },
        });
        if (options.Retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = arguments => ValueTask.FromResult(
                    arguments.Outcome.Exception is { } exception && retryable(exception) && CanAffordRetryAfter(exception, arguments.Context, options)),
                MaxRetryAttempts = options.Retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Retry.BaseDelay,
                MaxDelay = options.Retry.MaxDelay,
                // The provider's Retry-After exactly; none, or zero (a date already past), leaves the backoff to decide.
                DelayGenerator = arguments => ValueTask.FromResult(
                    arguments.Outcome.Exception is ContactsException { RetryAfter: { Ticks: > 0 } retryAfter } ? (TimeSpan?)retryAfter : null),
                OnRetry = arguments =>
                {
                    arguments.Context.Properties.Set(WaitingAfter, arguments.Outcome.Exception);
                    LogRetry(logger, provider, Describe(arguments.Outcome.Exception), arguments.AttemptNumber + 1, arguments.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>
    /// Whether the wait a provider asked for fits: a Retry-After longer than <see cref="ContactsRetryOptions.MaxDelay"/>,
    /// or than the time left of the overall timeout, ends the call now with the provider's RetryLater (and its
    /// Retry-After) rather than retrying early or running into the timeout.
    /// </summary>
    private static bool CanAffordRetryAfter(Exception exception, ResilienceContext context, ContactsClientOptions options)
    {
        if (exception is not ContactsException { RetryAfter: { Ticks: > 0 } retryAfter })
        {
            return true;
        }

        var elapsed = context.Properties.TryGetValue(StartedAt, out var startedAt) ? options.TimeProvider.GetElapsedTime(startedAt) : TimeSpan.Zero;
        return retryAfter <= options.Retry.MaxDelay && retryAfter < options.OverallTimeout - elapsed;
    }

    // At least a millisecond: Polly reads zero as no limit at all.
    private static TimeSpan Remaining(ResilienceContext context, ContactsClientOptions options) =>
        TimeSpan.FromTicks(Math.Max(
            TimeSpan.TicksPerMillisecond,
            (options.OverallTimeout - options.TimeProvider.GetElapsedTime(context.Properties.GetValue(StartedAt, options.TimeProvider.GetTimestamp()))).Ticks));

    private static bool IsRetryableForIdempotent(Exception exception) =>
        exception is TimeoutRejectedException || exception is ContactsException { IsRetryable: true };

    private static bool IsRetryableForNonIdempotent(Exception exception) =>
        exception is ContactsException { Kind: ContactsErrorKind.RetryLater };

    private static string Describe(Exception? exception) => exception switch
    {
        ContactsException contacts => $"{contacts.Kind} {contacts.ProviderCode}".TrimEnd(),
        null => "no exception",
        _ => exception.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider}: retrying after {Failure} (attempt {Attempt}) in {DelayMs:0} ms")]
    private static partial void LogRetry(ILogger logger, string provider, string failure, int attempt, double delayMs);
}
