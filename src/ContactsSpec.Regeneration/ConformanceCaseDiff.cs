using ContactsSpec.Conformance.Cases;
using ContactsSpec.Specs;

namespace ContactsSpec.Regeneration;

/// <summary>
/// The conformance cases a spec edit adds, removes or changes: the cases derived from the spec as git's
/// <c>HEAD</c> has it against those of the spec in the working tree, so a maintainer sees what the edit means for
/// the main job before merging.
/// </summary>
internal static class ConformanceCaseDiff
{
    public static async Task<CaseChanges> CompareAsync(string repository, string provider, string specPath, CancellationToken cancellationToken)
    {
        var before = await GitBaseline.TextAsync(repository, specPath, cancellationToken);
        if (before is null)
        {
            return new CaseChanges(provider, null, [], [], []);
        }

        var old = Cases(ProviderSpec.Parse(provider, before, $"{GitBaseline.Name}:{specPath}"));
        var now = Cases(await ProviderSpec.LoadAsync(provider, specPath, cancellationToken));
        return new CaseChanges(
            provider,
            $"git {GitBaseline.Name}",
            [.. now.Keys.Except(old.Keys).Order(StringComparer.Ordinal)],
            [.. old.Keys.Except(now.Keys).Order(StringComparer.Ordinal)],
            [.. now.Keys.Intersect(old.Keys).Where(id => !old[id].AnswersAs(now[id])).Order(StringComparer.Ordinal)]);
    }

    private static Dictionary<string, ConformanceCase> Cases(ProviderSpec spec) =>
        ConformanceCaseCatalog.Build([spec]).ToDictionary(@case => @case.Id, StringComparer.Ordinal);
}
