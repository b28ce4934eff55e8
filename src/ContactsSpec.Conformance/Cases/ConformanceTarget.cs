namespace ContactsSpec.Conformance.Cases;

/// <summary>What a conformance case calls. <see cref="ConformanceTargets"/> names them.</summary>
public enum ConformanceTarget
{
    /// <summary>The NSwag client's operation, with the spec's request examples.</summary>
    NSwagClient,

    /// <summary>The Kiota client's request builder for the operation, with the same examples.</summary>
    KiotaClient,

    /// <summary>The facade operation that sends that request, with domain input built from the same examples.</summary>
    Facade,
}
