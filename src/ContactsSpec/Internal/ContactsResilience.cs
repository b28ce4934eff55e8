using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
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
/// </summary>
internal sealed partial class ContactsResilience
{
    private static readonly ResiliencePropertyKey<long> StartedAt = new("ContactsSpec.StartedAt");

    // Set when a retry is scheduled, to the failure that asked for it; cleared when the next attempt starts. A timeout
    // while it is set fired during the wait, not during a request.
    private static readonly ResiliencePropertyKey<Exception?> WaitingAfter = new("ContactsSpec.WaitingAfter");

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
        _idempotent = Build(options, logger, errors.Provider, IsRetryableForIdempotent);
        _nonIdempotent = Build(options, logger, errors.Provider, IsRetryableForNonIdempotent);
    }

    public async Task<T> ExecuteAsync<T>(string operation, bool idempotent, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var activity = ContactsTelemetry.Start(_errors.Provider, operation);
        var startedAt = Stopwatch.GetTimestamp();
        var attempts = new StrongBox<int>();
        try
        {
            var result = await ExecuteCoreAsync(operation, idempotent, call, attempts, cancellationToken).ConfigureAwait(false);
            ContactsTelemetry.Stop(activity, _errors.Provider, operation, startedAt, attempts.Value, error: null);
            return result;
        }
        catch (Exception error)
        {
            ContactsTelemetry.Stop(activity, _errors.Provider, operation, startedAt, attempts.Value, error);
            throw;
        }
    }

    private async Task<T> ExecuteCoreAsync<T>(
        string operation, bool idempotent, Func<CancellationToken, Task<T>> call, StrongBox<int> attempts, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposal.IsCancellationRequested, typeof(ContactsClient));
        var pipeline = idempotent ? _idempotent : _nonIdempotent;
        // Linked only when the caller can cancel too: most calls then cost no extra token source.
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposal) : null;
        var context = ResilienceContextPool.Shared.Get(linked?.Token ?? _disposal);
        // When the call began, so that a Retry-After the overall timeout cannot afford ends it at once.
        context.Properties.Set(StartedAt, _options.TimeProvider.GetTimestamp());
        try
        {
            return await pipeline.ExecuteAsync(
                static async (context, state) =>
                {
                    context.Properties.Set(WaitingAfter, null);
                    state.Attempts.Value++;
                    return await state.Call(context.CancellationToken).ConfigureAwait(false);
                },
                context,
                (Call: call, Attempts: attempts)).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException timeout) when (!_disposal.IsCancellationRequested)
        {
            // A write not safe to repeat retries only an answer that says nothing was done (RetryLater): time running
            // out while waiting to send it again leaves that answer standing; during a request, the outcome is unknown.
            if (!idempotent && context.Properties.TryGetValue(WaitingAfter, out var waiting) && waiting is ContactsException answer)
            {
                ExceptionDispatchInfo.Throw(answer);
            }

            var timedOut = _errors.TimedOut(operation, timeout.Timeout, overall: timeout.Timeout == _options.OverallTimeout);
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
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public Task ExecuteAsync(string operation, bool idempotent, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        ExecuteAsync(operation, idempotent, async token =>
        {
            await call(token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private static ResiliencePipeline Build(ContactsClientOptions options, ILogger logger, string provider, Func<Exception, bool> retryable)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }.AddTimeout(options.OverallTimeout);
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
