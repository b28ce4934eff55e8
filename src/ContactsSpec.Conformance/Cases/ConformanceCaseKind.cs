namespace ContactsSpec.Conformance.Cases;

/// <summary>Where a conformance case comes from.</summary>
public enum ConformanceCaseKind
{
    /// <summary>A response the provider documents: a status and a named example in the spec.</summary>
    Documented,

    /// <summary>A documented success body with an extra field the spec does not know.</summary>
    UnknownField,

    /// <summary>A documented success body whose chat types are replaced by one no doc lists.</summary>
    UnknownChatType,
}
