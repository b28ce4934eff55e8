namespace ContactsSpec.Specs;

/// <summary>What a <see cref="SpecExample"/> illustrates.</summary>
public enum SpecExampleKind
{
    /// <summary>A documented response (status and named example, or a body-less status).</summary>
    Response,

    /// <summary>The request body a conformance case sends.</summary>
    RequestBody,

    /// <summary>A parameter value a conformance case sends.</summary>
    Parameter,
}
