using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ContactsSpec.Benchmarks.Bulk;
using ContactsSpec.Benchmarks.Infrastructure;
using ContactsSpec.Benchmarks.PerCall;
using ContactsSpec.Benchmarks.Streaming;

namespace ContactsSpec.Benchmarks;

/// <summary>
/// Entry point: BenchmarkDotNet's switcher, so the usual options work (<c>--filter '*'</c>,
/// <c>--filter '*WazzupV3*'</c>, <c>--list flat</c>), plus <c>--dry</c> (or <c>--job Dry</c>), which runs the
/// selected benchmarks in BenchmarkDotNet's dry job (in process) instead of their own jobs. Every job runs in
/// process (see RESULTS.md).
/// Results go to <c>benchmarks/BenchmarkDotNet.Artifacts</c> unless <c>--artifacts</c> says otherwise. When the
/// streaming benchmarks ran (not dry), the retained-memory probe runs after them and its table is written to
/// <c>results/StreamingRetainedMemory.md</c> there; after the Wazzup v3 bulk benchmarks, the sync's memory probe, in
/// <c>results/BulkSyncMemory.md</c>. The exit code is 0 only when every selected benchmark ran
/// without error (CI relies on it), 2 when the filter selected nothing. <c>--interleaved</c> runs only
/// <see cref="InterleavedRatioProbe"/> over the per-call classes, into <c>results/PerCallInterleaved.md</c>.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks the arguments select.</summary>
    /// <returns>0 when every selected benchmark ran; 1 when one failed; 2 when none was selected.</returns>
    public static int Main(string[] args)
    {
        var arguments = WithoutDryOption(args, out var dry);
        BenchmarkJobs.Dry = dry;
        var artifacts = Path.Combine(DocumentedExamples.RepositoryRoot, "benchmarks", "BenchmarkDotNet.Artifacts");
        if (arguments.Contains("--interleaved"))
        {
            return RunInterleaved(Path.Combine(artifacts, "results"));
        }

        var config = DefaultConfig.Instance.WithArtifactsPath(artifacts);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments, config).ToList();
        RunProbe(summaries, typeof(StreamingListBenchmarks), "Retained memory while the facade lists (full GC every 5,000 contacts)", "StreamingRetainedMemory.md", RetainedMemoryProbe.Run);
        RunProbe(summaries, typeof(WazzupV3BulkUpsertBenchmarks), "Memory of the 100,000-contact Wazzup v3 sync", "BulkSyncMemory.md", SyncMemoryProbe.Run);
        return Outcome(summaries, args);
    }

    // A probe that measures what BenchmarkDotNet cannot, run once after its class's benchmarks (not in a dry run).
    private static void RunProbe(List<Summary> summaries, Type benchmarks, string title, string fileName, Func<string> probe)
    {
        var summary = summaries.FirstOrDefault(candidate => candidate.BenchmarksCases.Any(benchmark => benchmark.Descriptor.Type == benchmarks));
        if (summary is null || BenchmarkJobs.Dry)
        {
            return;
        }

        Console.WriteLine($"// {title}:");
        var table = probe();
        Console.WriteLine(table);
        var results = Path.Combine(summary.ResultsDirectoryPath, fileName);
        File.WriteAllText(results, table);
        Console.WriteLine($"// written to {results}");
    }

    // `--interleaved`: the per-call classes' time ratios measured interleaved, without BenchmarkDotNet's jobs.
    private static int RunInterleaved(string results)
    {
        var perCall = typeof(Program).Assembly.GetTypes()
            .Where(type => type.IsPublic && type.Namespace == typeof(WazzupV3PerCallBenchmarks).Namespace)
            .OrderBy(type => type.Name, StringComparer.Ordinal);
        var table = InterleavedRatioProbe.Run(perCall);
        Console.WriteLine(table);
        Directory.CreateDirectory(results);
        var file = Path.Combine(results, "PerCallInterleaved.md");
        File.WriteAllText(file, table);
        Console.WriteLine($"// written to {file}");
        return 0;
    }

    // `--dry`, and BenchmarkDotNet's own `--job Dry` / `-j Dry`, which would otherwise add an out-of-process dry
    // job beside each class's own jobs instead of replacing them.
    private static string[] WithoutDryOption(string[] args, out bool dry)
    {
        var kept = new List<string>();
        dry = false;
        for (var index = 0; index < args.Length; index++)
        {
            if (args[index] == "--dry")
            {
                dry = true;
            }
            else if (args[index] is "--job" or "-j" && index + 1 < args.Length && string.Equals(args[index + 1], "Dry", StringComparison.OrdinalIgnoreCase))
            {
                dry = true;
                index++;
            }
            else
            {
                kept.Add(args[index]);
            }
        }

        return [.. kept];
    }

    private static int Outcome(List<Summary> summaries, string[] args)
    {
        if (summaries.Count == 0 || summaries.All(summary => summary.BenchmarksCases.Length == 0))
        {
            // --list, --help and --version select nothing on purpose.
            return args.Any(arg => arg is "--list" or "--help" or "-h" or "--version" or "--info") ? 0 : 2;
        }

        var failed = summaries
            .SelectMany(summary => summary.BenchmarksCases.Select(benchmark => (summary, benchmark)))
            .Where(pair => pair.summary.HasCriticalValidationErrors || pair.summary[pair.benchmark] is not { Success: true, ResultStatistics: not null })
            .Select(pair => pair.benchmark.DisplayInfo)
            .ToList();
        foreach (var benchmark in failed)
        {
            Console.Error.WriteLine($"// FAILED: {benchmark}");
        }

        return failed.Count == 0 ? 0 : 1;
    }
}
