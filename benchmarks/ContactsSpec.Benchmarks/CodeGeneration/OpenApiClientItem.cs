using System.Text.RegularExpressions;

namespace ContactsSpec.Benchmarks.CodeGeneration;

/// <summary>One <c>OpenApiClient</c> item of a project under <c>generated/</c>: what the build target regenerates.</summary>
internal sealed partial record OpenApiClientItem(string ProjectPath, string SpecPath, string SettingsPath, string Namespace, string ClientName)
{
    /// <summary>Every client the repository generates, read from the projects under <c>generated/</c>.</summary>
    public static IReadOnlyList<OpenApiClientItem> All(string repositoryRoot) =>
        [.. Directory.EnumerateFiles(Path.Combine(repositoryRoot, "generated"), "*.csproj", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(project => Item().Matches(File.ReadAllText(project)).Select(match =>
            {
                var spec = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, match.Groups["spec"].Value.Replace('\\', '/')));
                return new OpenApiClientItem(project, spec, Path.Combine(Path.GetDirectoryName(spec)!, "nswag.json"), match.Groups["ns"].Value, match.Groups["name"].Value);
            }))];

    /// <summary>The generated file the build keeps beside the project.</summary>
    public string CommittedOutput => Path.Combine(Path.GetDirectoryName(ProjectPath)!, ClientName + ".g.cs");

    /// <summary>The NSwag command line of Directory.Build.targets, writing to <paramref name="output"/>.</summary>
    public string[] NSwagArguments(string nswagDll, string output) =>
        [nswagDll, "run", SettingsPath, $"/variables:Spec={SpecPath},Output={output},Namespace={Namespace},ClientName={ClientName}"];

    [GeneratedRegex("""<OpenApiClient\s+Include="(?<spec>[^"]+)"\s+Namespace="(?<ns>[^"]+)"\s+ClientName="(?<name>[^"]+)"\s*/>""")]
    private static partial Regex Item();
}
