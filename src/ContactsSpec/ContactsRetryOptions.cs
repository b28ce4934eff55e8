namespace ContactsSpec;

/// <summary>Retries of retryable failures (idempotent operations only; see <see cref="ContactsCapabilities.IdempotentUpsert"/>).</summary>
public sealed class ContactsRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubles per retry, with jitter. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest delay between attempts. A provider's <c>Retry-After</c> is waited out exactly when it is no longer than
    /// this and than the time left of the overall timeout; a longer one ends the call at once with
    /// <see cref="ContactsErrorKind.RetryLater"/> carrying it. Default 30 s.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    internal ContactsRetryOptions Clone() => (ContactsRetryOptions)MemberwiseClone();
}
