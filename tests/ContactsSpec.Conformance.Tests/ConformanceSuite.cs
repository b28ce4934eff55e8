using ContactsSpec.Conformance.Cases;
using ContactsSpec.Specs;
using ContactsSpec.Conformance.Verification;

namespace ContactsSpec.Conformance.Tests;

/// <summary>The specs and the cases derived from them; loaded once, before any fixture runs.</summary>
internal static class ConformanceSuite
{
    public static string RepositoryRoot { get; } = SpecCatalog.FindRepositoryRoot();

    private static readonly Lazy<Task<IReadOnlyList<ProviderSpec>>> LoadedSpecs =
        new(() => SpecCatalog.LoadAllAsync(SpecCatalog.SpecsFolder(RepositoryRoot)), LazyThreadSafetyMode.ExecutionAndPublication);

    // Its own folder: the main job (contacts-spec conformance) writes artifacts/conformance, and a later dotnet test
    // must not replace those reports.
    public static string ArtifactsFolder => Path.Combine(RepositoryRoot, "artifacts", "conformance-tests");

    /// <summary>The error table of docs/ERRORS.md: what the facade must make of every documented error.</summary>
    public static ErrorKindTable ErrorTable { get; } = ErrorKindTable.Load(Path.Combine(RepositoryRoot, "docs", "ERRORS.md"));

    public static Task<IReadOnlyList<ProviderSpec>> SpecsAsync() => LoadedSpecs.Value;

    public static async Task<IReadOnlyList<ConformanceCase>> CasesAsync() => ConformanceCaseCatalog.Build(await SpecsAsync());
}
