using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
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
    private static readonly string[] Projects =
    [
        "src/ContactsSpec/ContactsSpec.csproj",
        "generated/ContactsSpec.Clients.WazzupV3/ContactsSpec.Clients.WazzupV3.csproj",
        "generated/ContactsSpec.Clients.WazzupV3.Kiota/ContactsSpec.Clients.WazzupV3.Kiota.csproj",
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

        _metadata = Directory.EnumerateFiles(_output.Path, "*.nupkg").ToDictionary(
            path => Path.GetFileName(path).Split(".0.")[0],
            path =>
            {
                using var package = ZipFile.OpenRead(path);
                using var nuspec = package.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
                return XDocument.Load(nuspec).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
            });
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

    private static string? Value(XElement metadata, string name) => metadata.Elements().FirstOrDefault(element => element.Name.LocalName == name)?.Value;
}
