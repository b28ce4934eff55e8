using System.Diagnostics;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Conformance.Reporting;
using ContactsSpec.Conformance.Running;

namespace ContactsSpec.Conformance.Tests;

/// <summary>
/// Owns the one WireMock server of the run: starts it, loads every case's stub in one import, and at the end
/// writes the report and applies the coverage gate. Not a base class of the fixtures (NUnit would rerun it).
/// </summary>
[SetUpFixture]
public sealed class ConformanceServer
{
    private static WireMockServer? _server;
    private static ConformanceRunner? _runner;
    private static ConformanceReport? _report;
    private static IReadOnlyList<ConformanceCase> _cases = [];
    private static readonly Stopwatch WallTime = new();

    public static WireMockServer Server => _server ?? throw new InvalidOperationException("The conformance server has not started.");

    public static ConformanceRunner Runner => _runner ?? throw new InvalidOperationException("The conformance server has not started.");

    public static ConformanceReport Report => _report ?? throw new InvalidOperationException("The conformance server has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        WallTime.Restart();
        Directory.CreateDirectory(ConformanceSuite.ArtifactsFolder);
        var logPath = Path.Combine(ConformanceSuite.ArtifactsFolder, "wiremock.log");
        File.Delete(logPath);
        _server = await WireMockServer.StartAsync(WireMockServerOptions.ForRepository(ConformanceSuite.RepositoryRoot, logPath));
        _cases = await ConformanceSuite.CasesAsync();
        _report = new ConformanceReport(_cases, @case => FacadeInvoker.IsReachable(@case.Operation));
        _runner = new ConformanceRunner(_server, ConformanceSuite.ErrorTable);
        await _runner.LoadStubsAsync(_cases);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        try
        {
            if (_report is not null)
            {
                var path = await _report.WriteAsync(ConformanceSuite.ArtifactsFolder, WallTime.Elapsed);
                TestContext.Progress.WriteLine($"Conformance report: {path}");
            }
        }
        finally
        {
            _runner?.Dispose();
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }

        // The coverage gate applies to full runs; a filtered run (one case from an IDE) reports only.
        var expectedResults = _cases.Count + _cases.Count(@case => FacadeInvoker.IsReachable(@case.Operation));
        if (_report is not null && _report.Results.Count == expectedResults)
        {
            Assert.That(_report.UncoveredDocumentedResponses(), Is.Empty, "documented responses without a passing case");
        }
    }
}
