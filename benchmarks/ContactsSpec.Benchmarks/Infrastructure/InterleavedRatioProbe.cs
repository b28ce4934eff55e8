using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace ContactsSpec.Benchmarks.Infrastructure;

/// <summary>
/// The per-call time ratios measured interleaved, for a machine whose speed drifts. BenchmarkDotNet measures one
/// benchmark to the end before the next starts, so on a shared VM a drift of a few percent over those minutes lands
/// in the ratio; here every round runs each implementation of an operation for about <see cref="BlockTime"/>, one after
/// the other (starting with a different one each round), and the ratio is taken within the round. The median over
/// the rounds is reported with its interquartile range. Allocation ratios stay BenchmarkDotNet's (they are exact).
/// </summary>
public static class InterleavedRatioProbe
{
    private const int MeasuredRounds = 41;

    // Rounds of every operation run and dropped before any is measured: the first operations would otherwise still pay
    // for tiered compilation of the code they all share (BenchmarkDotNet's warm-up iterations do the same).
    private const int DroppedRounds = 5;
    private static readonly string[] Suffixes = ["Baseline", "Generated", "Facade", "Kiota"];
    private static readonly TimeSpan BlockTime = TimeSpan.FromMilliseconds(20);

    // Under --dry, one round and none dropped: proves the probe still runs (CI), says nothing about speed.
    private static int Rounds => BenchmarkJobs.Dry ? 1 : MeasuredRounds;

    private static int WarmUpRounds => BenchmarkJobs.Dry ? 0 : DroppedRounds;

    /// <summary>Measures every category of the per-call classes and returns a Markdown table.</summary>
    public static string Run(IEnumerable<Type> perCallClasses)
    {
        ArgumentNullException.ThrowIfNull(perCallClasses);
        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Interleaved per-call time ratios (wall clock): {Rounds} rounds, after {WarmUpRounds} of every operation dropped, each implementation about {BlockTime.TotalMilliseconds:0} ms a round; median ratio to the baseline [interquartile range].")
            .AppendLine()
            .AppendLine("| operation | a per call (median) | b/a (generated) | c/a (facade) | d/a (Kiota) |")
            .AppendLine("|---|---:|---:|---:|---:|");
        var subjects = perCallClasses.Select(type => (Type: type, Instance: Activator.CreateInstance(type)!)).ToList();
        try
        {
            foreach (var (type, instance) in subjects)
            {
                Invoke<GlobalSetupAttribute>(type, instance);
            }

            var operations = subjects.SelectMany(subject => Categories(subject.Type, subject.Instance)).ToList();
            foreach (var (_, calls) in operations)
            {
                Time(calls, WarmUpRounds);
            }

            foreach (var (category, calls) in operations)
            {
                table.AppendLine(Row(category, calls, Time(calls, Rounds)));
            }
        }
        finally
        {
            foreach (var (type, instance) in subjects)
            {
                Invoke<GlobalCleanupAttribute>(type, instance);
            }
        }

        return table.ToString();
    }

    // Nanoseconds per call of each implementation, one entry a round.
    private static List<double>[] Time(IReadOnlyList<(string Suffix, Func<Task> Call)> calls, int rounds)
    {
        var perBlock = calls.Select(call => Calibrate(call.Call)).ToArray();
        var nanoseconds = calls.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var step = 0; step < calls.Count; step++)
            {
                var index = (round + step) % calls.Count;
                nanoseconds[index].Add(TimeBlock(calls[index].Call, perBlock[index]));
            }
        }

        return nanoseconds;
    }

    private static string Row(string category, IReadOnlyList<(string Suffix, Func<Task> Call)> calls, List<double>[] nanoseconds)
    {
        int IndexOf(string suffix) => calls.Select((call, index) => (call.Suffix, index)).Single(pair => pair.Suffix == suffix).index;
        var baseline = IndexOf("Baseline");
        string Ratio(string suffix)
        {
            var index = IndexOf(suffix);
            var ratios = Enumerable.Range(0, Rounds).Select(round => nanoseconds[index][round] / nanoseconds[baseline][round]).Order().ToArray();
            return string.Create(CultureInfo.InvariantCulture, $"{Quantile(ratios, 0.5):0.00} [{Quantile(ratios, 0.25):0.00}–{Quantile(ratios, 0.75):0.00}]");
        }

        var baselineMedian = Quantile([.. nanoseconds[baseline].Order()], 0.5);
        return string.Create(CultureInfo.InvariantCulture, $"| {category} | {baselineMedian / 1000:0.000} µs | {Ratio("Generated")} | {Ratio("Facade")} | {Ratio("Kiota")} |");
    }

    // How many calls take about BlockTime.
    private static int Calibrate(Func<Task> call)
    {
        var calls = 1;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            Repeat(call, calls);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed >= BlockTime / 4)
            {
                return Math.Max(1, (int)(calls * (BlockTime / elapsed)));
            }

            calls *= 2;
        }
    }

    // Nanoseconds per call over one block.
    private static double TimeBlock(Func<Task> call, int calls)
    {
        var started = Stopwatch.GetTimestamp();
        Repeat(call, calls);
        return Stopwatch.GetElapsedTime(started).TotalNanoseconds / calls;
    }

    // As BenchmarkDotNet's in-process toolchain runs a Task benchmark: the in-memory handler completes synchronously.
    private static void Repeat(Func<Task> call, int calls)
    {
        for (var index = 0; index < calls; index++)
        {
            call().GetAwaiter().GetResult();
        }
    }

    private static double Quantile(double[] sorted, double quantile) => sorted[(int)Math.Round((sorted.Length - 1) * quantile)];

    // Each category's [Benchmark] methods by their suffix (Baseline, Generated, Facade, Kiota), bound as delegates so
    // that no reflection runs per call.
    private static IEnumerable<(string Category, IReadOnlyList<(string Suffix, Func<Task> Call)> Calls)> Categories(Type type, object instance) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(method => method.GetCustomAttribute<BenchmarkAttribute>() is not null)
            .GroupBy(method => method.GetCustomAttribute<BenchmarkCategoryAttribute>()!.Categories[0])
            .Select(group => (group.Key, (IReadOnlyList<(string, Func<Task>)>)[.. group.Select(method =>
                (Suffix(method.Name), (Func<Task>)Delegate.CreateDelegate(typeof(Func<Task>), instance, method)))]));

    private static string Suffix(string name) => Suffixes.Single(suffix => name.EndsWith(suffix, StringComparison.Ordinal));

    private static void Invoke<TAttribute>(Type type, object instance)
        where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(method => method.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }
}
