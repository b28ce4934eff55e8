namespace ContactsSpec.Cli;

/// <summary>The scriptable contract's exit codes (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>
    /// A check failed: a conformance case or the coverage gate (<c>conformance</c>), <c>generated/</c> out of date
    /// with the specs (<c>contacts-spec-regenerate --check</c>), or an unexpected failure.
    /// </summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: unknown option, missing value or credential, an operation the provider lacks.</summary>
    public const int Usage = 2;

    /// <summary>The input is invalid: a contact, a row of an import file, a file that cannot be read, a spec NSwag rejects.</summary>
    public const int InvalidInput = 3;

    /// <summary>The provider answered with an error (authentication, not found, limits, its own failure...).</summary>
    public const int ProviderError = 4;

    /// <summary>No usable answer: the connection failed or dropped, or timed out.</summary>
    public const int Transport = 5;

    /// <summary>
    /// A write was sent but whether the provider carried it out is not known (<see cref="ContactsErrorKind.OutcomeUnknown"/>):
    /// check before sending it again. An import that has such rows exits with this before any other failure.
    /// </summary>
    public const int OutcomeUnknown = 6;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>The exit code for a facade error: InvalidInput 3, Transport 5, OutcomeUnknown 6, NotSupported 2, every other kind 4.</summary>
    public static int For(ContactsErrorKind kind) => kind switch
    {
        ContactsErrorKind.InvalidInput => InvalidInput,
        ContactsErrorKind.Transport => Transport,
        ContactsErrorKind.OutcomeUnknown => OutcomeUnknown,
        ContactsErrorKind.NotSupported => Usage,
        _ => ProviderError,
    };
}
