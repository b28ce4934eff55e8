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
}
