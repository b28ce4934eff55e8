namespace ContactsSpec;

/// <summary>What went wrong, in terms a caller can act on. docs/ERRORS.md maps every documented provider error to one.</summary>
public enum ContactsErrorKind
{
    /// <summary>The credentials are missing or wrong: fix the configuration.</summary>
    Authentication,

    /// <summary>The credentials are valid but not allowed to do this (permission, connection not authorised).</summary>
    PermissionDenied,

    /// <summary>The input is invalid: see <see cref="ContactsException.FieldErrors"/>; retrying the same input fails again.</summary>
    InvalidInput,

    /// <summary>The contact (or user, or group) does not exist.</summary>
    NotFound,

    /// <summary>The number or account is not on the messenger.</summary>
    NotOnChannel,

    /// <summary>The provider asks to try again later; retryable.</summary>
    RetryLater,

    /// <summary>A quota or size limit was reached.</summary>
    LimitExceeded,

    /// <summary>The provider failed or answered something undocumented.</summary>
    ProviderError,

    /// <summary>No usable answer: connection failed or dropped, timed out, or a body that could not be read.</summary>
    Transport,

    /// <summary>The provider has no such operation.</summary>
    NotSupported,

    /// <summary>
    /// A write that is not safe to repeat (a WaSMS contact or group creation) may or may not have been carried out:
    /// the connection dropped or timed out after the request was sent, or the provider failed without saying whether
    /// it acted. Not retryable: check (list or get) before sending it again, or it may be written twice.
    /// <see cref="Exception.InnerException"/> holds the failure itself.
    /// </summary>
    OutcomeUnknown,
}
