namespace ContactsSpec.Cli.Regeneration;

/// <summary>Where a client stands after <c>regenerate</c>.</summary>
internal enum RegenerationStatus
{
    /// <summary>NSwag's output equals the committed file, byte for byte.</summary>
    UpToDate,

    /// <summary>(<c>--check</c>) NSwag's output differs; nothing was written.</summary>
    OutOfDate,

    /// <summary>NSwag's output differed and was written into <c>generated/</c>.</summary>
    Regenerated,
}

/// <summary>The <c>regenerate --output json</c> document.</summary>
internal sealed record RegenerationResult(bool Check, bool UpToDate, IReadOnlyList<ClientRegeneration> Clients);

/// <summary>One client's regeneration and its public-surface changes.</summary>
internal sealed record ClientRegeneration(
    string Provider, string Client, string File, RegenerationStatus Status, bool Breaking, IReadOnlyList<SurfaceChange> Changes);
