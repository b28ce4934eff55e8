namespace ContactsSpec.Specs;

/// <summary>
/// Finds the provider specs: the ones built into this assembly (those the generated clients were generated from,
/// so a tool installed anywhere has them), or the ones in a folder such as a checkout's <c>specs/</c>.
/// </summary>
public static class SpecCatalog
{
    private const string SolutionFileName = "ContactsSpec.sln";
    private const string SpecFileName = "openapi.yaml";
    private const string ResourcePrefix = "specs/";

    /// <summary>Names the repository root explicitly, for builds whose output lies outside the checkout.</summary>
    public const string RepositoryVariable = "CONTACTSSPEC_REPO";

    /// <summary>
    /// The repository root: <c>$CONTACTSSPEC_REPO</c> when set, else the nearest folder above <paramref name="start"/>
    /// (default: the running program's folder) holding the solution file.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No checkout is there.</exception>
    public static string FindRepositoryRoot(string? start = null) =>
        TryFindRepositoryRoot(start) ?? throw new DirectoryNotFoundException(
            $"No folder above '{start ?? AppContext.BaseDirectory}' contains {SolutionFileName}; run from inside a ContactsSpec checkout or set {RepositoryVariable}.");

    /// <summary>As <see cref="FindRepositoryRoot"/>, but null when no checkout is found.</summary>
    /// <exception cref="DirectoryNotFoundException"><c>$CONTACTSSPEC_REPO</c> is set to a folder that is not a checkout.</exception>
    public static string? TryFindRepositoryRoot(string? start = null)
    {
        if (Environment.GetEnvironmentVariable(RepositoryVariable) is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, SolutionFileName))
                ? Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"{RepositoryVariable} is '{configured}', which holds no {SolutionFileName}.");
        }

        for (var folder = new DirectoryInfo(start ?? AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>The specs folder of a checkout.</summary>
    public static string SpecsFolder(string repositoryRoot) => Path.Combine(repositoryRoot, "specs");

    /// <summary>The provider keys in <paramref name="specsFolder"/>: every folder with an <c>openapi.yaml</c>, in ordinal order.</summary>
    public static IReadOnlyList<string> ProviderKeys(string specsFolder) =>
        [.. Directory.EnumerateDirectories(specsFolder)
            .Where(folder => File.Exists(Path.Combine(folder, SpecFileName)))
            .Select(folder => Path.GetFileName(folder))
            .Order(StringComparer.Ordinal)];

    /// <summary>Path of a provider's spec in <paramref name="specsFolder"/>.</summary>
    public static string SpecPath(string specsFolder, string key) => Path.Combine(specsFolder, key, SpecFileName);

    /// <summary>Loads every provider spec in <paramref name="specsFolder"/> (a checkout's <c>specs/</c>, or a copy of it).</summary>
    public static async Task<IReadOnlyList<ProviderSpec>> LoadAllAsync(string specsFolder, CancellationToken cancellationToken = default)
    {
        var specs = new List<ProviderSpec>();
        foreach (var key in ProviderKeys(specsFolder))
        {
            specs.Add(await ProviderSpec.LoadAsync(key, SpecPath(specsFolder, key), cancellationToken).ConfigureAwait(false));
        }

        return specs;
    }

    // The YAML text of every spec built into this assembly, by provider key in ordinal order.
    private static SortedDictionary<string, string> EmbeddedTexts()
    {
        var assembly = typeof(SpecCatalog).Assembly;
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var normalized = name.Replace('\\', '/');
            if (!normalized.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !normalized.EndsWith("/" + SpecFileName, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            texts[normalized[ResourcePrefix.Length..^(SpecFileName.Length + 1)]] = reader.ReadToEnd();
        }

        return texts;
    }

    /// <summary>
    /// Loads the specs built into this assembly, the ones the generated clients were generated from: every one, or
    /// only <paramref name="provider"/>'s (the others are then not parsed).
    /// </summary>
    public static IReadOnlyList<ProviderSpec> LoadEmbedded(string? provider = null) =>
        [.. EmbeddedTexts()
            .Where(pair => provider is null || pair.Key == provider)
            .Select(pair => ProviderSpec.Parse(pair.Key, pair.Value, $"{ResourcePrefix}{pair.Key}/{SpecFileName}"))];

    /// <summary>
    /// The keys of the specs in <paramref name="specsFolder"/> whose text differs from the built-in one, or that have no
    /// built-in one, in ordinal order. Empty when every spec there is one the clients were generated from.
    /// </summary>
    public static IReadOnlyList<string> DifferencesFromEmbedded(string specsFolder)
    {
        var embedded = EmbeddedTexts();
        var local = ProviderKeys(specsFolder).ToDictionary(key => key, key => File.ReadAllText(SpecPath(specsFolder, key)), StringComparer.Ordinal);
        return [.. local
            .Where(pair => !embedded.TryGetValue(pair.Key, out var built) || Normalize(built) != Normalize(pair.Value))
            .Select(pair => pair.Key)
            .Order(StringComparer.Ordinal)];
    }

    // A checkout on Windows may hold CRLF line endings; that is not a different spec.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
