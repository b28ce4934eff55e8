using WireMock.Server;
using ContactsSpec.Conformance.Reporting;
using ContactsSpec.Conformance.Running;

namespace ContactsSpec.Conformance.Tests;

/// <summary>
/// Owns the one conformance session of the run (the WireMock.Net server with every case's stub loaded,
/// shared with the command-line tool's <c>conformance</c>), and at the end writes the report and applies the
/// coverage gate. Not a base class of the fixtures (NUnit would rerun it).
/// </summary>
[SetUpFixture]
public sealed class ConformanceServer
{
    private static ConformanceSession? _session;

    public static WireMockServer Server => Session.Server;

    public static ConformanceRunner Runner => Session.Runner;

    public static ConformanceReport Report => Session.Report;

    private static ConformanceSession Session => _session ?? throw new InvalidOperationException("The conformance server has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Directory.CreateDirectory(ConformanceSuite.ArtifactsFolder);
        _session = ConformanceSession.Start(await ConformanceSuite.SpecsAsync(), ConformanceSuite.ErrorTable);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_session is null)
        {
            return;
        }

        try
        {
            var path = await _session.WriteReportsAsync(ConformanceSuite.ArtifactsFolder);
            TestContext.Progress.WriteLine($"Conformance report: {path}");
        }
        finally
        {
            _session.Dispose();
        }

        // The coverage gate applies to full runs; a filtered run (one case from an IDE) reports only.
        Assert.That(_session.CoverageGaps(), Is.Empty, "documented responses without a passing case");
    }
}
