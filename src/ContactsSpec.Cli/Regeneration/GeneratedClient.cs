using System.Xml.Linq;

namespace ContactsSpec.Cli.Regeneration;

/// <summary>
/// One <c>&lt;OpenApiClient&gt;</c> item of a project under <c>generated/</c>, resolved as Directory.Build.targets
/// resolves it: the spec, its NSwag settings (default: nswag.json beside the spec, else the shared specs/nswag.json) and the output file (default:
/// <c>&lt;ClientName&gt;.g.cs</c> in the project).
/// </summary>
internal sealed record GeneratedClient(
    string Provider, string ProjectPath, string SpecPath, string SettingsPath, string OutputPath, string Namespace, string ClientName)
{
    public string ProjectDirectory => Path.GetDirectoryName(ProjectPath)!;

    public static IReadOnlyList<GeneratedClient> FindAll(string repositoryRoot)
    {
        var clients = new List<GeneratedClient>();
        var generated = Path.Combine(repositoryRoot, "generated");
        if (!Directory.Exists(generated))
        {
            return clients;
        }

        foreach (var project in Directory.EnumerateFiles(generated, "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var directory = Path.GetDirectoryName(project)!;
            foreach (var item in XDocument.Load(project).Descendants().Where(element => element.Name.LocalName == "OpenApiClient"))
            {
                var include = Attribute(item, "Include") ?? throw new CliException($"{project}: an OpenApiClient item has no Include.");
                var spec = Resolve(directory, include);
                var clientName = Attribute(item, "ClientName") ?? throw new CliException($"{project}: OpenApiClient '{include}' needs ClientName.");
                var ns = Attribute(item, "Namespace") ?? throw new CliException($"{project}: OpenApiClient '{include}' needs Namespace.");
                var settings = Attribute(item, "Settings") is { } configured ? Resolve(directory, configured) : DefaultSettings(spec);
                var output = Attribute(item, "Output") is { } path ? Resolve(directory, path) : Path.Combine(directory, clientName + ".g.cs");
                clients.Add(new GeneratedClient(Path.GetFileName(Path.GetDirectoryName(spec)!), project, spec, settings, output, ns, clientName));
            }
        }

        return clients;
    }

    // As Directory.Build.targets: the spec's own nswag.json where it needs one, else the shared one in the folder above.
    private static string DefaultSettings(string spec)
    {
        var folder = Path.GetDirectoryName(spec)!;
        var own = Path.Combine(folder, "nswag.json");
        return File.Exists(own) ? own : Path.GetFullPath(Path.Combine(folder, "..", "nswag.json"));
    }

    private static string? Attribute(XElement element, string name) => element.Attribute(name)?.Value is { Length: > 0 } value ? value : null;

    private static string Resolve(string directory, string path) =>
        Path.GetFullPath(Path.Combine(directory, path.Replace('\\', Path.DirectorySeparatorChar)));
}
