namespace ContactsSpec.Cli;

/// <summary>A failure of the command itself (not of the provider), with the exit code and error kind it stands for.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
        Kind = kind;
    }

    public CliException()
        : this(ExitCodes.Failure, CliErrorKinds.Failure, "The command failed.")
    {
    }

    public CliException(string message)
        : this(ExitCodes.Failure, CliErrorKinds.Failure, message)
    {
    }

    public CliException(string message, Exception innerException)
        : this(ExitCodes.Failure, CliErrorKinds.Failure, message, innerException)
    {
    }

    public int ExitCode { get; }

    /// <summary>The <c>kind</c> of the JSON error: <see cref="CliErrorKinds"/> or a <see cref="ContactsErrorKind"/> name.</summary>
    public string Kind { get; }

    public static CliException Usage(string message) => new(ExitCodes.Usage, CliErrorKinds.Usage, message);

    public static CliException InvalidInput(string message, Exception? innerException = null) =>
        new(ExitCodes.InvalidInput, nameof(ContactsErrorKind.InvalidInput), message, innerException);
}
