namespace ContactsSpec.Regeneration;

/// <summary>One entry of a generated client's public surface.</summary>
/// <param name="TypeName">The declaring type's full name (the type itself for <see cref="SurfaceMemberKind.Type"/>).</param>
/// <param name="Kind">What it is.</param>
/// <param name="Name">The member's name (<c>.ctor</c> for constructors, <c>this[]</c> for indexers); the type's own name for types.</param>
/// <param name="Signature">The declaration as a caller sees it: accessibility, modifiers, types, parameters.</param>
internal sealed record SurfaceMember(string TypeName, SurfaceMemberKind Kind, string Name, string Signature)
{
    /// <summary>The name a reader looks for: <c>Namespace.Type</c> or <c>Type.Member</c>.</summary>
    public string DisplayName => Kind == SurfaceMemberKind.Type ? TypeName : $"{ShortTypeName}.{Name}";

    private string ShortTypeName => TypeName[(TypeName.LastIndexOf('.') + 1)..];
}
