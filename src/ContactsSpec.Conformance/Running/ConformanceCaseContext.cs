namespace ContactsSpec.Conformance.Running;

/// <summary>
/// The case the current async flow is running, and what WireMock answered it. Flows with the call into
/// <see cref="ConformanceCaseHandler"/>, so one shared HttpClient serves every case in parallel.
/// </summary>
internal sealed class ConformanceCaseContext
{
    private static readonly AsyncLocal<ConformanceCaseContext?> CurrentContext = new();

    private ConformanceCaseContext(string caseId, string? bearerToken)
    {
        CaseId = caseId;
        BearerToken = bearerToken;
    }

    public static ConformanceCaseContext? Current => CurrentContext.Value;

    public string CaseId { get; }

    public string? BearerToken { get; }

    /// <summary>Whether every response in this case came from a stub (the X-ContactsSpec-Stub header every stub's answer carries).</summary>
    public bool AllMatched { get; set; } = true;

    public int ResponseCount { get; set; }

    public static Scope Begin(string caseId, string? bearerToken)
    {
        var previous = CurrentContext.Value;
        var context = new ConformanceCaseContext(caseId, bearerToken);
        CurrentContext.Value = context;
        return new Scope(context, previous);
    }

    /// <summary>Restores the previous context when the case ends.</summary>
    internal readonly struct Scope(ConformanceCaseContext context, ConformanceCaseContext? previous) : IDisposable
    {
        public ConformanceCaseContext Context => context;

        public void Dispose() => CurrentContext.Value = previous;
    }
}
