namespace ContactsSpec.Tests.Support;

/// <summary>Files of the repository this test run was built from.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        // Builds with their output outside the checkout name the repository, as the rest of the suite honours.
        if (Environment.GetEnvironmentVariable("CONTACTSSPEC_REPO") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ContactsSpec.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds ContactsSpec.sln.");
    });

    public static string RootFolder => Root.Value;

    public static string SpecPath(string provider) => Path.Combine(RootFolder, "specs", provider, "openapi.yaml");

    /// <summary>The spec's first <c>servers[].url</c>, by a plain text search.</summary>
    public static Uri FirstServerUrl(string provider)
    {
        var lines = File.ReadAllLines(SpecPath(provider));
        var servers = Array.FindIndex(lines, line => line.TrimEnd() == "servers:");
        Assert.That(servers, Is.GreaterThanOrEqualTo(0), $"{provider}: no servers section");
        var url = lines.Skip(servers + 1).Select(line => line.Trim()).First(line => line.StartsWith("- url:", StringComparison.Ordinal));
        return new Uri(url["- url:".Length..].Trim().Trim('"', '\''));
    }
}
