namespace ContactsSpec.Regeneration;

/// <summary>How a surface entry changed.</summary>
internal enum SurfaceChangeKind
{
    /// <summary>New: non-breaking.</summary>
    Added,

    /// <summary>Gone: breaking.</summary>
    Removed,

    /// <summary>Same name, different declaration (type, parameters, modifiers): breaking.</summary>
    Changed,
}

/// <summary>One change to a generated client's public surface.</summary>
internal sealed record SurfaceChange(SurfaceChangeKind Change, SurfaceMemberKind Kind, string Member, string? Before, string? After)
{
    /// <summary>Removed and changed entries break callers; added ones do not.</summary>
    public bool Breaking => Change != SurfaceChangeKind.Added;
}
