using System.Xml.Linq;
using ContactsSpec.Cli;

namespace ContactsSpec.Regeneration;

/// <summary>
/// One client item of a project under <c>generated/</c>, resolved as Directory.Build.targets resolves it. An
/// <c>&lt;OpenApiClient&gt;</c> (NSwag): its settings default to nswag.json beside the spec, else the shared
/// specs/nswag.json, its output to the file <c>&lt;ClientName&gt;.g.cs</c> in the project. A <c>&lt;KiotaClient&gt;</c>:
/// its settings default to kiota.rsp beside the spec, else the shared specs/kiota.rsp, its output to the folder
/// <c>Client/</c> in the project.
/// </summary>
internal sealed record GeneratedClient(
    string Provider, ClientGenerator Generator, string ProjectPath, string SpecInclude, string SpecPath, string SettingsPath, string OutputPath, string Namespace, string ClientName)
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
            foreach (var item in XDocument.Load(project).Descendants())
            {
                var generator = item.Name.LocalName switch
                {
                    "OpenApiClient" => ClientGenerator.NSwag,
                    "KiotaClient" => ClientGenerator.Kiota,
                    _ => (ClientGenerator?)null,
                };
                if (generator is not { } kind)
                {
                    continue;
                }

                var include = Attribute(item, "Include") ?? throw new CliException($"{project}: a {item.Name.LocalName} item has no Include.");
                var spec = Resolve(directory, include);
                var clientName = Attribute(item, "ClientName") ?? throw new CliException($"{project}: {item.Name.LocalName} '{include}' needs ClientName.");
                var ns = Attribute(item, "Namespace") ?? throw new CliException($"{project}: {item.Name.LocalName} '{include}' needs Namespace.");
                var settingsFile = kind == ClientGenerator.NSwag ? "nswag.json" : "kiota.rsp";
                var settings = Attribute(item, "Settings") is { } configured ? Resolve(directory, configured) : DefaultSettings(spec, settingsFile);
                var output = Attribute(item, "Output") is { } path ? Resolve(directory, path)
                    : kind == ClientGenerator.NSwag ? Path.Combine(directory, clientName + ".g.cs")
                    : Path.Combine(directory, "Client");
                clients.Add(new GeneratedClient(Path.GetFileName(Path.GetDirectoryName(spec)!), kind, project, include, spec, settings, output, ns, clientName));
            }
        }

        return clients;
    }

    // As Directory.Build.targets: the spec's own settings where it needs them, else the shared ones in the folder above.
    private static string DefaultSettings(string spec, string fileName)
    {
        var folder = Path.GetDirectoryName(spec)!;
        var own = Path.Combine(folder, fileName);
        return File.Exists(own) ? own : Path.GetFullPath(Path.Combine(folder, "..", fileName));
    }

    private static string? Attribute(XElement element, string name) => element.Attribute(name)?.Value is { Length: > 0 } value ? value : null;

    private static string Resolve(string directory, string path) =>
        Path.GetFullPath(Path.Combine(directory, path.Replace('\\', Path.DirectorySeparatorChar)));
}
