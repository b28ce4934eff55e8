using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ContactsSpec.Internal;

/// <summary>
/// The Polly pipelines around every provider call: an overall timeout, then retries with jittered exponential
/// backoff (honouring the provider's <c>Retry-After</c>), then a per-attempt timeout. Idempotent operations retry
/// every retryable failure; a non-idempotent one (WaSMS create) retries only an answer that says the request was
/// not processed (<see cref="ContactsErrorKind.RetryLater"/>), never a timeout, a dropped connection or a 5xx,
/// after which the provider may have acted.
/// </summary>
internal sealed partial class ContactsResilience
{
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
        ObjectDisposedException.ThrowIf(_disposal.IsCancellationRequested, typeof(ContactsClient));
        var pipeline = idempotent ? _idempotent : _nonIdempotent;
        // Linked only when the caller can cancel too: most calls then cost no extra token source.
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposal) : null;
        try
        {
            return await pipeline.ExecuteAsync(static async (state, token) => await state(token).ConfigureAwait(false), call, linked?.Token ?? _disposal)
                .ConfigureAwait(false);
        }
        catch (TimeoutRejectedException timeout) when (!_disposal.IsCancellationRequested)
        {
            throw _errors.TimedOut(operation, timeout.Timeout, overall: timeout.Timeout == _options.OverallTimeout);
        }
        catch (Exception error) when (_disposal.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ObjectDisposedException($"The {nameof(ContactsClient)} was disposed during {operation}.", error);
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
        var builder = new ResiliencePipelineBuilder().AddTimeout(options.OverallTimeout);
        if (options.Retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = arguments => ValueTask.FromResult(arguments.Outcome.Exception is { } exception && retryable(exception)),
                MaxRetryAttempts = options.Retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Retry.BaseDelay,
                MaxDelay = options.Retry.MaxDelay,
                DelayGenerator = arguments => ValueTask.FromResult(
                    arguments.Outcome.Exception is ContactsException { RetryAfter: { } retryAfter }
                        ? (TimeSpan?)TimeSpan.FromTicks(Math.Min(retryAfter.Ticks, options.Retry.MaxDelay.Ticks))
                        : null),
                OnRetry = arguments =>
                {
                    LogRetry(logger, provider, Describe(arguments.Outcome.Exception), arguments.AttemptNumber + 1, arguments.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
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
