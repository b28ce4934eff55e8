namespace ContactsSpec.Conformance.Cases;

/// <summary>What a conformance case calls.</summary>
public enum ConformanceTarget
{
    /// <summary>The generated client's operation, with the spec's request examples.</summary>
    GeneratedClient,

    /// <summary>The facade operation that sends that request, with domain input built from the same examples.</summary>
    Facade,
}
