using BenchmarkDotNet.Attributes;
using ContactsSpec.Benchmarks.Infrastructure;

namespace ContactsSpec.Benchmarks.CodeGeneration;

/// <summary>
/// Wall time of code generation, measured around whole processes:
/// <list type="bullet">
/// <item>regenerating all five clients with the NSwag CLI exactly as Directory.Build.targets runs it (one
/// <c>dotnet dotnet-nswag.dll run</c> per client, one after another), writing to a temporary folder, never into
/// <c>generated/</c>; and one client alone, to show the per-process cost;</item>
/// <item><c>dotnet build</c> of the WAMM client project when nothing changed (NSwag must not start) against a build
/// after its spec was touched (NSwag regenerates, then the compiler runs). These build a private copy of the
/// build files, the WAMM spec and project, so the repository is never written.</item>
/// </list>
/// Every build is <c>--no-restore -nodeReuse:false</c> (restore is done once in setup; no MSBuild node outlives a
/// run); the C# compiler server is used as in any developer build.
/// </summary>
[CodeGenerationJob]
public class CodeGenerationBenchmarks
{
    private string _repository = "";
    private string _nswagDll = "";
    private string _outputs = "";
    private string _copy = "";
    private string _copiedProject = "";
    private string _copiedSpec = "";
    private IReadOnlyList<OpenApiClientItem> _clients = [];

    /// <summary>Finds the clients, checks NSwag reproduces the committed files, and prepares the private build copy.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _repository = DocumentedExamples.RepositoryRoot;
        _clients = OpenApiClientItem.All(_repository);
        if (_clients.Count != 5)
        {
            throw new InvalidOperationException($"Expected the five generated clients, found {_clients.Count}.");
        }

        _copy = Directory.CreateTempSubdirectory("contactsspec-build-").FullName;
        var wamm = _clients.Single(client => client.ClientName == "WammClient");
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", ".editorconfig", "generated/Directory.Build.props", "generated/.editorconfig" })
        {
            CopyFromRepository(file);
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(_repository, "specs", "nswag-templates")).Append(wamm.SpecPath).Append(wamm.SettingsPath).Append(wamm.ProjectPath).Append(wamm.CommittedOutput))
        {
            CopyFromRepository(Path.GetRelativePath(_repository, file));
        }

        _copiedProject = Path.Combine(_copy, Path.GetRelativePath(_repository, wamm.ProjectPath));
        _copiedSpec = Path.Combine(_copy, Path.GetRelativePath(_repository, wamm.SpecPath));
        ToolProcess.RunOrThrow("dotnet", _copy, "build", _copiedProject, "-nodeReuse:false");

        // The generator the build runs: NSwag.MSBuild's Net100 binary, as the restored project resolves it.
        var generatorFolder = ToolProcess.RunOrThrow("dotnet", _copy, "msbuild", _copiedProject, "-nologo", "-getProperty:NSwagDir_Net100").Trim();
        _nswagDll = Path.Combine(generatorFolder, "dotnet-nswag.dll");
        if (!File.Exists(_nswagDll))
        {
            throw new InvalidOperationException($"NSwag.MSBuild's generator is not at {_nswagDll}; restore the generated projects.");
        }

        _outputs = Directory.CreateTempSubdirectory("contactsspec-codegen-").FullName;
        RegenerateAll();
        foreach (var client in _clients)
        {
            // A difference means generated/ is out of step with specs/ (CI's check says so too); the timing holds.
            if (!File.ReadAllBytes(OutputOf(client)).AsSpan().SequenceEqual(File.ReadAllBytes(client.CommittedOutput)))
            {
                Console.WriteLine($"// note: NSwag's output for {client.ClientName} differs from {client.CommittedOutput}");
            }
        }
    }

    /// <summary>Deletes the temporary outputs and the build copy.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Directory.Delete(_outputs, recursive: true);
        Directory.Delete(_copy, recursive: true);
    }

    /// <summary>Makes the next build see a spec newer than its generated file.</summary>
    [IterationSetup(Target = nameof(RegeneratingBuild))]
    public void TouchSpec() => File.SetLastWriteTimeUtc(_copiedSpec, DateTime.UtcNow);

    /// <summary>The NSwag CLI once per client, five processes one after another.</summary>
    [Benchmark]
    public void RegenerateAllFiveClients() => RegenerateAll();

    /// <summary>The NSwag CLI for the WAMM client alone.</summary>
    [Benchmark]
    public void RegenerateOneClient() => Regenerate(_clients.Single(client => client.ClientName == "WammClient"));

    /// <summary><c>dotnet build</c> of an up-to-date client project: NSwag does not start, nothing is compiled.</summary>
    [Benchmark]
    public void NoOpBuild()
    {
        var output = ToolProcess.RunOrThrow("dotnet", _copy, "build", _copiedProject, "--no-restore", "-nodeReuse:false");
        if (output.Contains("ContactsSpec: generating", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A no-op build regenerated the client.");
        }
    }

    /// <summary><c>dotnet build</c> after the spec was touched: NSwag regenerates the client, then it is compiled.</summary>
    [Benchmark]
    public void RegeneratingBuild()
    {
        var output = ToolProcess.RunOrThrow("dotnet", _copy, "build", _copiedProject, "--no-restore", "-nodeReuse:false");
        if (!output.Contains("ContactsSpec: generating", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The build after touching the spec did not regenerate the client.");
        }
    }

    private void RegenerateAll()
    {
        foreach (var client in _clients)
        {
            Regenerate(client);
        }
    }

    private void Regenerate(OpenApiClientItem client) =>
        ToolProcess.RunOrThrow("dotnet", _repository, client.NSwagArguments(_nswagDll, OutputOf(client)));

    private string OutputOf(OpenApiClientItem client) => Path.Combine(_outputs, client.ClientName + ".g.cs");

    private void CopyFromRepository(string relativePath)
    {
        var source = Path.Combine(_repository, relativePath);
        if (!File.Exists(source))
        {
            return;
        }

        var target = Path.Combine(_copy, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target);
    }
}
