using System.IO.Compression;
using System.Reflection;
using ContactsSpec.Cli.Tests.Support;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Specs;

namespace ContactsSpec.Cli.Tests;

/// <summary>
/// The packages as a team meets them: packed from this build under a version no cache has seen, the facade restored
/// into a throwaway consumer project outside the repository and called against the test server, and the tool
/// installed from the same folder and run outside any checkout.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PackageConsumerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    private readonly TemporaryFolder _work = new();
    private readonly string _version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

    private string Packages => Path.Combine(_work.Path, "packages");

    [OneTimeSetUp]
    public async Task PackAsync()
    {
        var configuration = typeof(PackageConsumerTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        foreach (var project in new[] { "src/ContactsSpec/ContactsSpec.csproj", "src/ContactsSpec.Cli/ContactsSpec.Cli.csproj" }
            .Concat(CliTool.GeneratedClientProjects.Select(name => $"generated/{name}/{name}.csproj")))
        {
            var pack = await RunAsync("dotnet", ["pack", project, "-c", configuration, "--no-build", "-o", Packages, "-nologo", $"-p:Version={_version}"], CliTool.RepositoryRoot);
            Assert.That(pack.ExitCode, Is.Zero, pack.Output);
        }
    }

    [OneTimeTearDown]
    public void Dispose() => _work.Dispose();

    [Test]
    public async Task A_consumer_project_restores_the_facade_from_the_packages_and_lists_contacts()
    {
        var consumer = Directory.CreateDirectory(Path.Combine(_work.Path, "consumer")).FullName;
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="ContactsSpec" Version="{_version}" /></ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), """
            using ContactsSpec;
            using var client = new ContactsClient(new WazzupV3ContactsOptions { BaseUri = new Uri(args[0]), AllowInsecureHttp = true, ApiKey = args[1] });
            var count = 0;
            await foreach (var contact in client.ListAsync())
            {
                count++;
            }

            Console.WriteLine($"listed {count}");
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
            <configuration><packageSources><add key="contactsspec-local" value="{Packages}" /></packageSources></configuration>
            """);
        var spec = SpecCatalog.LoadEmbedded(ContactsProviders.WazzupV3).Single();
        var baseUrl = CliTestServer.BaseUrl(ContactsProviders.WazzupV3);

        // Its own packages folder, with the machine's as a fallback: only the packages made here are new.
        var restore = await RunAsync("dotnet", ["restore", "--packages", Path.Combine(_work.Path, "restored"), $"-p:RestoreAdditionalProjectFallbackFolders={NuGetCache}"], consumer);
        var run = restore.ExitCode == 0 ? await RunAsync("dotnet", ["run", "--no-restore", "--", baseUrl, ExampleCredentials.Of(spec)["api-key"]], consumer) : restore;

        Assert.Multiple(() =>
        {
            Assert.That(restore.ExitCode, Is.Zero, restore.Output);
            Assert.That(run.ExitCode, Is.Zero, run.Output);
            Assert.That(run.Output, Does.Contain("listed 2"), "the documented page of two contacts");
        });
    }

    [Test]
    public async Task The_tool_installs_from_the_packages_and_runs_outside_the_repository()
    {
        var tools = Path.Combine(_work.Path, "tools");
        var outside = Directory.CreateDirectory(Path.Combine(_work.Path, "elsewhere")).FullName;

        var install = await RunAsync("dotnet", ["tool", "install", "ContactsSpec.Cli", "--version", _version, "--tool-path", tools, "--add-source", Packages], outside);
        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "contacts-spec.exe" : "contacts-spec");
        var help = install.ExitCode == 0 ? await RunAsync(tool, ["--help"], outside) : install;
        var conformance = install.ExitCode == 0 ? await RunAsync(tool, ["conformance", "-p", "wawp"], outside) : install;

        Assert.Multiple(() =>
        {
            Assert.That(install.ExitCode, Is.Zero, install.Output);
            Assert.That(help.ExitCode, Is.Zero, help.Output);
            Assert.That(help.Output, Does.Contain("conformance").And.Contain("contacts").And.Not.Contain("regenerate"));
            Assert.That(conformance.ExitCode, Is.Zero, conformance.Output);
            Assert.That(File.Exists(Path.Combine(outside, "artifacts", "conformance", "junit.xml")), Is.True, "reports under the current folder outside a checkout");
        });
    }

    [Test]
    public void The_tool_package_carries_no_satellite_languages_and_no_csharp_compiler()
    {
        using var package = ZipFile.OpenRead(Path.Combine(Packages, $"ContactsSpec.Cli.{_version}.nupkg"));
        var files = package.Entries.Select(entry => entry.FullName).Where(name => name.StartsWith("tools/", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(files, Has.Some.EndsWith("/contacts-spec.dll"), "the tool itself");
            Assert.That(files, Has.None.EndsWith(".resources.dll"), "satellite languages: the tool speaks English");
            // Roslyn reads generated C# for contacts-spec-regenerate, the maintainers' program, which is not in the tool.
            Assert.That(files, Has.None.Contains("Microsoft.CodeAnalysis"));
        });
    }

    private static string NuGetCache =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, string folder) =>
        ProcessRunner.RunToTextAsync(file, arguments, folder, Limit);
}
