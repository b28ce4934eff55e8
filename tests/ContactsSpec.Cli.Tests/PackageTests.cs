using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Text;
using System.Xml.Linq;
using ContactsSpec.Cli.Tests.Support;

namespace ContactsSpec.Cli.Tests;

/// <summary>
/// The packages a team installs, packed from this build as `dotnet pack` would: licence, README, description,
/// symbols, one version, and exact-version dependencies between the packages that ship together.
/// </summary>
[TestFixture]
public sealed class PackageTests
{
    // Every package a user installs: the facade, the tool and each generated client, NSwag's and Kiota's.
    private static readonly string[] Projects =
    [
        "src/ContactsSpec/ContactsSpec.csproj",
        "src/ContactsSpec.Cli/ContactsSpec.Cli.csproj",
        .. Directory.EnumerateDirectories(Path.Combine(CliTool.RepositoryRoot, "generated"), "ContactsSpec.Clients.*")
            .Select(folder => Path.GetFileName(folder)!)
            .Order(StringComparer.Ordinal)
            .Select(name => $"generated/{name}/{name}.csproj"),
    ];

    private readonly TemporaryFolder _output = new();

    private Dictionary<string, XElement> _metadata = [];

    public static IEnumerable<string> PackageIds => Projects.Select(Path.GetFileNameWithoutExtension)!;

    [OneTimeSetUp]
    public async Task PackAsync()
    {
        // The configuration this test assembly was built in is the one the projects were built in too.
        var configuration = typeof(PackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        foreach (var project in Projects)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = CliTool.RepositoryRoot };
            foreach (var argument in new[] { "pack", project, "-c", configuration, "--no-build", "-o", _output.Path, "-nologo" })
            {
                start.ArgumentList.Add(argument);
            }

            using var pack = Process.Start(start)!;
            var output = await pack.StandardOutput.ReadToEndAsync();
            await pack.WaitForExitAsync();
            Assert.That(pack.ExitCode, Is.Zero, $"dotnet pack {project}:\n{output}");
        }

        _metadata = Directory.EnumerateFiles(_output.Path, "*.nupkg").ToDictionary(path => Path.GetFileName(path).Split(".0.")[0], Metadata);
    }

    [OneTimeTearDown]
    public void Dispose() => _output.Dispose();

    [TestCaseSource(nameof(PackageIds))]
    public void Each_package_has_a_licence_a_readme_a_description_and_symbols(string id)
    {
        var metadata = _metadata[id];
        var package = Directory.EnumerateFiles(_output.Path, $"{id}.0.*.nupkg").Single();
        using var zip = ZipFile.OpenRead(package);

        Assert.Multiple(() =>
        {
            Assert.That(Value(metadata, "license"), Is.EqualTo("MIT"));
            Assert.That(Value(metadata, "readme"), Is.EqualTo("README.md"));
            Assert.That(zip.GetEntry("README.md")?.Length, Is.GreaterThan(200), "the README is in the package");
            Assert.That(Value(metadata, "description"), Is.Not.EqualTo("Package Description").And.Length.GreaterThan(40));
            Assert.That(File.Exists(Path.ChangeExtension(package, ".snupkg")), Is.True, "a symbols package beside it");
        });
    }

    [Test]
    public void The_packages_share_one_version_and_the_facade_depends_on_its_clients_at_exactly_it()
    {
        var versions = _metadata.Values.Select(metadata => Value(metadata, "version")).Distinct().ToList();
        var siblings = _metadata["ContactsSpec"].Descendants().Where(element => element.Name.LocalName == "dependency")
            .Where(dependency => dependency.Attribute("id")!.Value.StartsWith("ContactsSpec.", StringComparison.Ordinal))
            .ToDictionary(dependency => dependency.Attribute("id")!.Value, dependency => dependency.Attribute("version")!.Value);

        Assert.Multiple(() =>
        {
            Assert.That(versions, Has.Count.EqualTo(1));
            Assert.That(siblings.Keys, Is.EquivalentTo(CliTool.GeneratedClientProjects), "the NSwag clients it wraps");
            Assert.That(siblings.Values, Is.All.EqualTo($"[{versions[0]}]"), "exactly the version they ship with");
        });
    }

    [Test]
    public async Task Each_package_records_its_commit_and_no_address_the_clone_does_not_have()
    {
        var head = await GitAsync(CliTool.RepositoryRoot, "rev-parse", "HEAD");
        var origin = await OriginAsync(CliTool.RepositoryRoot);
        var published = origin is not null && origin.StartsWith("https://", StringComparison.Ordinal) ? origin : null;

        Assert.Multiple(() =>
        {
            foreach (var (id, metadata) in _metadata)
            {
                var repository = metadata.Elements().Single(element => element.Name.LocalName == "repository");
                Assert.That(repository.Attribute("type")?.Value, Is.EqualTo("git"), id);
                Assert.That(repository.Attribute("commit")?.Value, Is.EqualTo(head), id);
                Assert.That(repository.Attribute("url")?.Value, Is.EqualTo(published), $"{id}: only a web address is published, never a folder");
                Assert.That(Value(metadata, "projectUrl"), Is.EqualTo(published?[..^".git".Length]), id);
            }
        });
    }

    [Test]
    public async Task Packed_from_a_clone_of_a_hosted_repository_a_package_names_it_and_its_symbols_lead_to_the_commit()
    {
        using var clone = new TemporaryFolder();
        await GitAsync(CliTool.RepositoryRoot, "clone", "--quiet", CliTool.RepositoryRoot, clone.Path);
        await GitAsync(clone.Path, "remote", "set-url", "origin", "https://github.com/example/contactsspec.git");
        var commit = await GitAsync(clone.Path, "rev-parse", "HEAD");
        var output = Path.Combine(clone.Path, "packages");

        var pack = await ProcessRunner.RunToTextAsync("dotnet", ["pack", "src/ContactsSpec/ContactsSpec.csproj", "-o", output, "-nologo"], clone.Path, TimeSpan.FromMinutes(5));
        Assert.That(pack.ExitCode, Is.Zero, pack.Output);

        var package = Directory.EnumerateFiles(output, "ContactsSpec.*.nupkg").Single();
        var metadata = Metadata(package);
        var repository = metadata.Elements().Single(element => element.Name.LocalName == "repository");
        Assert.Multiple(() =>
        {
            Assert.That(repository.Attribute("url")?.Value, Is.EqualTo("https://github.com/example/contactsspec.git"));
            Assert.That(repository.Attribute("commit")?.Value, Is.EqualTo(commit));
            Assert.That(Value(metadata, "projectUrl"), Is.EqualTo("https://github.com/example/contactsspec"));
            Assert.That(SourceLink(Path.ChangeExtension(package, ".snupkg")), Does.Contain($"https://raw.githubusercontent.com/example/contactsspec/{commit}/"), "the symbols map each source file to the commit");
        });
    }

    private static XElement Metadata(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var nuspec = zip.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(nuspec).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
    }

    // The SourceLink document of the facade's portable PDB in a symbols package (its custom debug information on the module).
    private static string SourceLink(string symbolsPackage)
    {
        var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        using var zip = ZipFile.OpenRead(symbolsPackage);
        using var pdb = new MemoryStream();
        using (var entry = zip.Entries.Single(entry => entry.FullName.EndsWith("/ContactsSpec.pdb", StringComparison.Ordinal)).Open())
        {
            entry.CopyTo(pdb);
        }

        pdb.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();
        var sourceLink = reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Select(reader.GetCustomDebugInformation)
            .Single(information => reader.GetGuid(information.Kind) == sourceLinkKind);
        return Encoding.UTF8.GetString(reader.GetBlobBytes(sourceLink.Value));
    }

    private static async Task<string?> OriginAsync(string folder)
    {
        // A repository without an origin (a fresh one, say) has no address to publish either.
        var result = await ProcessRunner.RunAsync("git", ["remote", "get-url", "origin"], folder, TimeSpan.FromMinutes(1));
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    private static async Task<string> GitAsync(string folder, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("git", arguments, folder, TimeSpan.FromMinutes(2));
        Assert.That(result.ExitCode, Is.Zero, $"git {string.Join(' ', arguments)}: {result.StandardError}");
        return result.StandardOutput.Trim();
    }

    private static string? Value(XElement metadata, string name) => metadata.Elements().FirstOrDefault(element => element.Name.LocalName == name)?.Value;
}
