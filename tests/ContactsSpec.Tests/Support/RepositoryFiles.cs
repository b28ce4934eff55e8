using ContactsSpec.Specs;

namespace ContactsSpec.Tests.Support;

/// <summary>Files of the repository this test run was built from, found as every suite finds it (<see cref="SpecCatalog.FindRepositoryRoot"/>).</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(() => SpecCatalog.FindRepositoryRoot());

    public static string RootFolder => Root.Value;

    public static string SpecPath(string provider) => SpecCatalog.SpecPath(SpecCatalog.SpecsFolder(RootFolder), provider);
}
