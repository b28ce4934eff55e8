using System.Diagnostics;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Conformance.Reporting;
using ContactsSpec.Specs;
using ContactsSpec.Conformance.Verification;
using WireMock.Server;

namespace ContactsSpec.Conformance.Running;

/// <summary>
/// One conformance run: an in-process WireMock.Net server loaded with a stub per case and target, the runner over
/// it, and the report collecting the results. The NUnit suite drives its cases one test at a time; the command-line tool
/// calls <see cref="RunAllAsync"/>. Dispose it to stop the server.
/// </summary>
public sealed class ConformanceSession : IDisposable
{
    private readonly Stopwatch _wallTime;

    private ConformanceSession(
        WireMockServer server, ConformanceRunner runner, IReadOnlyList<ConformanceCase> cases, IReadOnlyList<ConformanceTarget> targets, Stopwatch wallTime)
    {
        Server = server;
        Runner = runner;
        Cases = cases;
        Targets = targets;
        _wallTime = wallTime;
        Report = new ConformanceReport(cases, targets, @case => FacadeInvoker.IsReachable(@case.Operation));
        Runs = [.. cases.SelectMany(@case => Report.TargetsOf(@case).Select(target => (@case, target)))];
    }

    /// <summary>The WireMock server every case is answered by.</summary>
    public WireMockServer Server { get; }

    /// <summary>Runs single cases against <see cref="Server"/>.</summary>
    public ConformanceRunner Runner { get; }

    /// <summary>The results so far, the matrix and the coverage gate.</summary>
    public ConformanceReport Report { get; }

    /// <summary>The cases of the specs the session was started with.</summary>
    public IReadOnlyList<ConformanceCase> Cases { get; }

    /// <summary>The targets the session runs its cases against, in <see cref="ConformanceTargets.All"/> order.</summary>
    public IReadOnlyList<ConformanceTarget> Targets { get; }

    /// <summary>Every case with every target it runs against: each generated client, and the facade where a facade call sends the request.</summary>
    public IReadOnlyList<(ConformanceCase Case, ConformanceTarget Target)> Runs { get; }

    /// <summary>Time since the session started.</summary>
    public TimeSpan Elapsed => _wallTime.Elapsed;

    /// <summary>Whether every run has a result, so that the coverage gate applies.</summary>
    public bool IsComplete => Report.Results.Count == Runs.Count;

    /// <summary>
    /// Starts WireMock and derives the cases of <paramref name="specs"/>; each run loads its case's stubs.
    /// </summary>
    /// <param name="specs">The provider specs whose cases to run (all of them, or a filtered few).</param>
    /// <param name="errorTable">The documented error kinds the facade's errors are judged by (docs/ERRORS.md).</param>
    /// <param name="targets">The targets to run (default: all of them); the coverage gate asks only for these.</param>
    public static ConformanceSession Start(IEnumerable<ProviderSpec> specs, ErrorKindTable errorTable, IEnumerable<ConformanceTarget>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(errorTable);
        var chosen = targets?.ToHashSet() is { } set ? [.. ConformanceTargets.All.Where(set.Contains)] : ConformanceTargets.All;
        if (chosen.Count == 0)
        {
            throw new ArgumentException("At least one target is needed.", nameof(targets));
        }

        var wallTime = Stopwatch.StartNew();
        var cases = ConformanceCaseCatalog.Build(specs);
        var server = LoopbackWireMock.Start();
        ConformanceRunner? runner = null;
        try
        {
            runner = new ConformanceRunner(server, errorTable, cases);
            return new ConformanceSession(server, runner, cases, chosen, wallTime);
        }
        catch
        {
            runner?.Dispose();
            server.Dispose();
            throw;
        }
    }

    /// <summary>Runs one case against one target and records its result in <see cref="Report"/>.</summary>
    public async Task<ConformanceResult> RunAsync(ConformanceCase @case, ConformanceTarget target, CancellationToken cancellationToken = default)
    {
        var result = await Runner.RunAsync(@case, target, cancellationToken).ConfigureAwait(false);
        Report.Add(result);
        return result;
    }

    /// <summary>
    /// Runs every case against every target, at most <paramref name="maxParallelism"/> at a time, recording each
    /// result in <see cref="Report"/> and passing it to <paramref name="progress"/> as it finishes.
    /// </summary>
    /// <returns>Every result, in case id order.</returns>
    public async Task<IReadOnlyList<ConformanceResult>> RunAllAsync(
        int maxParallelism = 8, Action<ConformanceResult>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelism, 1);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Runs, options, async (run, token) =>
        {
            var result = await RunAsync(run.Case, run.Target, token).ConfigureAwait(false);
            progress?.Invoke(result);
        }).ConfigureAwait(false);
        return Report.Results;
    }

    /// <summary>
    /// Documented responses without a passing case. Empty when the gate passes; when <see cref="IsComplete"/> is
    /// false (a filtered run) the gate does not apply and this is empty too.
    /// </summary>
    public IReadOnlyList<string> CoverageGaps() => IsComplete ? Report.UncoveredDocumentedResponses() : [];

    /// <summary>Writes <c>report.md</c>, <c>report.html</c> and <c>junit.xml</c> into <paramref name="folder"/>.</summary>
    /// <returns>The Markdown report's path.</returns>
    public Task<string> WriteReportsAsync(string folder, CancellationToken cancellationToken = default) =>
        Report.WriteAsync(folder, Elapsed, cancellationToken);

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        Runner.Dispose();
        Server.Dispose();
    }
}
