namespace ContactsSpec.Regeneration;

/// <summary>What a public-surface entry is.</summary>
internal enum SurfaceMemberKind
{
    /// <summary>A public type (class, interface, struct, record, enum, delegate).</summary>
    Type,

    /// <summary>A method of the client class or its interface: one API operation.</summary>
    Operation,

    /// <summary>Any other method.</summary>
    Method,

    /// <summary>A constructor.</summary>
    Constructor,

    /// <summary>A property or an indexer.</summary>
    Property,

    /// <summary>A field or constant.</summary>
    Field,

    /// <summary>An enum member.</summary>
    EnumMember,

    /// <summary>An event.</summary>
    Event,
}
