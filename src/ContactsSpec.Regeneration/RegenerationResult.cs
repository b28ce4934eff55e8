namespace ContactsSpec.Regeneration;

/// <summary>Where a client stands after <c>contacts-spec-regenerate</c>.</summary>
internal enum RegenerationStatus
{
    /// <summary>The generator's output equals the committed file (NSwag) or folder (Kiota), byte for byte, and so does the public API baseline.</summary>
    UpToDate,

    /// <summary>(<c>--check</c>) The generator's output or the public API baseline differs; nothing was written.</summary>
    OutOfDate,

    /// <summary>The generator's output or the public API baseline differed and was written into <c>generated/</c>.</summary>
    Regenerated,
}

/// <summary>The <c>contacts-spec-regenerate --output json</c> document: each client, and each provider's conformance cases against git's HEAD.</summary>
internal sealed record RegenerationResult(bool Check, bool UpToDate, IReadOnlyList<ClientRegeneration> Clients, IReadOnlyList<CaseChanges> Cases);

/// <summary>
/// One client's regeneration and its public-surface changes; <c>Generator</c> is <c>nswag</c> or <c>kiota</c>;
/// <c>Baseline</c> the client's public API baseline file and <c>BaselineChanged</c> whether it differed.
/// </summary>
internal sealed record ClientRegeneration(
    string Provider, string Generator, string Client, string File, string Baseline, bool BaselineChanged, RegenerationStatus Status, bool Breaking, IReadOnlyList<SurfaceChange> Changes);
