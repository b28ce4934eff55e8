namespace ContactsSpec.Regeneration;

/// <summary>
/// How a provider's conformance cases changed between the spec at <see cref="Baseline"/> and the spec in the checkout:
/// case ids added and removed, and ids whose answer (status, media type or body) changed. <see cref="Baseline"/> is
/// null when there is nothing to compare with (not a git checkout, or a spec git does not know yet).
/// </summary>
internal sealed record CaseChanges(string Provider, string? Baseline, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed);
