using System.Text.Json;
using ContactsSpec.Specs;

namespace ContactsSpec.Specs.Tests;

/// <summary>The specs under test and the documented facts they are checked against, loaded once per run.</summary>
internal static class SpecSuite
{
    public static string RepositoryRoot { get; } = SpecCatalog.FindRepositoryRoot();

    private static readonly Lazy<Task<IReadOnlyList<ProviderSpec>>> Loaded =
        new(() => SpecCatalog.LoadAllAsync(SpecCatalog.SpecsFolder(RepositoryRoot)), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<IReadOnlyDictionary<string, DocumentedFacts>> FactsByProvider = new(LoadFacts);

    public static IReadOnlyList<string> ProviderKeys { get; } = SpecCatalog.ProviderKeys(SpecCatalog.SpecsFolder(RepositoryRoot));

    public static IReadOnlyDictionary<string, DocumentedFacts> Facts => FactsByProvider.Value;

    public static Task<IReadOnlyList<ProviderSpec>> SpecsAsync() => Loaded.Value;

    public static async Task<ProviderSpec> SpecAsync(string key) => (await SpecsAsync()).Single(spec => spec.Key == key);

    private static Dictionary<string, DocumentedFacts> LoadFacts()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "documented-facts.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return document.RootElement.EnumerateObject()
            .Where(property => !property.Name.StartsWith('$'))
            .ToDictionary(property => property.Name, property => property.Value.Deserialize<DocumentedFacts>(options)!);
    }
}
