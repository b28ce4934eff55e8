namespace ContactsSpec.Conformance.Hosting;

/// <summary>WireMock could not be started: Java or the jar is missing, the process exited, or it never became healthy.</summary>
public sealed class WireMockStartException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public WireMockStartException()
        : base("WireMock could not be started.")
    {
    }

    /// <summary>Creates the exception with a message saying what went wrong and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public WireMockStartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public WireMockStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
