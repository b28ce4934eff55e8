namespace ContactsSpec;

/// <summary>Retries of retryable failures (idempotent operations only; see <see cref="ContactsCapabilities.IdempotentUpsert"/>).</summary>
public sealed class ContactsRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubles per retry, with jitter. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between attempts, also the cap on a provider's <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
