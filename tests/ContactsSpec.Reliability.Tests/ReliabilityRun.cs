using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Specs;
using ContactsSpec.Reliability.Tests.Support;
using WireMock.Server;

[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(16)]
[assembly: FailOnCredentialLeak]

namespace ContactsSpec.Reliability.Tests;

/// <summary>
/// The run: one in-process WireMock.Net server for every fixture, one faulting listener beside it (for the faults
/// that break the connection, which WireMock.Net cannot do), the documented success answers, and at the end the
/// summary (<c>artifacts/reliability/summary.json</c>) and the suite-wide credential scan, which fails the run on
/// any leak.
/// </summary>
[SetUpFixture]
public sealed class ReliabilityRun
{
    private static readonly Stopwatch _wallTime = new();
    private static WireMockServer? _server;
    private static FaultingListener? _faults;
    private static IReadOnlyDictionary<string, SuccessAnswer>? _answers;

    public static string RepositoryRoot { get; } = SpecCatalog.FindRepositoryRoot();

    public static string ArtifactsFolder => Path.Combine(RepositoryRoot, "artifacts", "reliability");

    internal static WireMockServer Server => _server ?? throw new InvalidOperationException("The reliability run has not started.");

    /// <summary>The faulting listener; requests of a case without a script are relayed to <see cref="Server"/>.</summary>
    internal static FaultingListener Faults => _faults ?? throw new InvalidOperationException("The reliability run has not started.");

    internal static IReadOnlyDictionary<string, SuccessAnswer> SuccessAnswers => _answers ?? throw new InvalidOperationException("The reliability run has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _wallTime.Restart();
        Directory.CreateDirectory(ArtifactsFolder);
        _server = LoopbackWireMock.Start();
        _faults = FaultingListener.Start(upstream: _server.BaseUri());
        _answers = await ProviderCatalog.SuccessAnswersAsync(RepositoryRoot);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        try
        {
            var summary = Figures.Summary(_wallTime.Elapsed);
            var text = summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            // The summary is a report the suite gives out: it is scanned like everything else.
            Evidence.Scan("summary.json", text);
            summary["credentials"]!["secretsFound"] = Evidence.Leaks.Count;
            text = summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            // A filtered run (one fixture, one case) writes its own files and leaves the full run's figures alone.
            var suffix = Figures.IsComplete ? string.Empty : ".partial";
            var path = Path.Combine(ArtifactsFolder, $"summary{suffix}.json");
            await File.WriteAllTextAsync(path, text + "\n", new UTF8Encoding(false));
            var matrix = Figures.Markdown();
            Evidence.Scan("fault-matrix.md", matrix);
            await File.WriteAllTextAsync(Path.Combine(ArtifactsFolder, $"fault-matrix{suffix}.md"), matrix, new UTF8Encoding(false));
            await TestContext.Progress.WriteLineAsync($"Reliability summary: {path}");
        }
        finally
        {
            _faults?.Dispose();
            _server?.Dispose();
        }

        Assert.That(Evidence.Leaks, Is.Empty, "credentials found in texts the facade gave out");
    }
}
