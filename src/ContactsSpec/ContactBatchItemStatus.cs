namespace ContactsSpec;

/// <summary>What happened to one item of a batch.</summary>
public enum ContactBatchItemStatus
{
    /// <summary>The provider accepted it.</summary>
    Succeeded,

    /// <summary>It failed; <see cref="ContactBatchItemResult.Error"/> says why.</summary>
    Failed,

    /// <summary>It was not sent: an earlier failure made sending pointless (bad credentials) or asked to wait (RetryLater); <see cref="ContactBatchItemResult.Error"/> says which.</summary>
    NotAttempted,

    /// <summary>
    /// It was sent, but whether the provider carried it out is not known (<see cref="ContactsErrorKind.OutcomeUnknown"/>):
    /// check before sending it again.
    /// </summary>
    OutcomeUnknown,
}
