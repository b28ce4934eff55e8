namespace ContactsSpec.Cli;

/// <summary>Error kinds of the tool itself, beside the facade's <see cref="ContactsErrorKind"/> names.</summary>
internal static class CliErrorKinds
{
    /// <summary>The command line is wrong (exit code 2).</summary>
    public const string Usage = "Usage";

    /// <summary>A check failed or something unexpected happened (exit code 1).</summary>
    public const string Failure = "Failure";

    /// <summary>Interrupted (exit code 130).</summary>
    public const string Cancelled = "Cancelled";
}
