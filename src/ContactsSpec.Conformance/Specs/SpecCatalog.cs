namespace ContactsSpec.Conformance.Specs;

/// <summary>Finds the repository and the provider specs in it.</summary>
public static class SpecCatalog
{
    private const string SolutionFileName = "ContactsSpec.sln";

    /// <summary>Names the repository root explicitly, for builds whose output lies outside the checkout.</summary>
    public const string RepositoryVariable = "CONTACTSSPEC_REPO";

    /// <summary>
    /// The repository root: <c>$CONTACTSSPEC_REPO</c> when set, else the nearest folder above <paramref name="start"/>
    /// (default: the running program's folder) holding the solution file.
    /// </summary>
    public static string FindRepositoryRoot(string? start = null)
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

        throw new DirectoryNotFoundException(
            $"No folder above '{start ?? AppContext.BaseDirectory}' contains {SolutionFileName}; run from inside a ContactsSpec checkout or set {RepositoryVariable}.");
    }

    /// <summary>The provider keys: every folder under <c>specs/</c> with an <c>openapi.yaml</c>, in ordinal order.</summary>
    public static IReadOnlyList<string> ProviderKeys(string repositoryRoot) =>
        [.. Directory.EnumerateDirectories(Path.Combine(repositoryRoot, "specs"))
            .Where(folder => File.Exists(Path.Combine(folder, "openapi.yaml")))
            .Select(folder => Path.GetFileName(folder))
            .Order(StringComparer.Ordinal)];

    /// <summary>Path of a provider's spec.</summary>
    public static string SpecPath(string repositoryRoot, string key) => Path.Combine(repositoryRoot, "specs", key, "openapi.yaml");

    /// <summary>Loads every provider spec in the repository.</summary>
    public static async Task<IReadOnlyList<ProviderSpec>> LoadAllAsync(string repositoryRoot, CancellationToken cancellationToken = default)
    {
        var specs = new List<ProviderSpec>();
        foreach (var key in ProviderKeys(repositoryRoot))
        {
            specs.Add(await ProviderSpec.LoadAsync(key, SpecPath(repositoryRoot, key), cancellationToken).ConfigureAwait(false));
        }

        return specs;
    }
}
