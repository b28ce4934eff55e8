using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ContactsSpec.Benchmarks.Streaming;

/// <summary>
/// Live (retained) memory while the facade lists 10,000, 100,000 and 1,000,000 contacts: every 5,000 contacts a
/// full blocking GC measures the heap that is still reachable. Allocations per contact (the benchmark) say how
/// much garbage a contact costs; this says nothing accumulates. Run after the streaming benchmarks.
/// </summary>
public static class RetainedMemoryProbe
{
    private const int SampleEvery = 5_000;

    /// <summary>Runs the probe and returns its table as Markdown.</summary>
    public static string Run()
    {
        var table = new StringBuilder()
            .AppendLine("| contacts listed | live heap before | peak live heap while listing | peak growth | wall time |")
            .AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var total in new[] { 10_000, 100_000, 1_000_000 })
        {
            using var server = new PagedContactsHandler(total);
            using var facade = StreamingListBenchmarks.CreateFacade(server);
            // Warm the path, then measure from a clean heap.
            StreamingListBenchmarks.ListFacadeAsync(facade, total).GetAwaiter().GetResult();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var peak = new StrongBox<long>(before);
            var watch = Stopwatch.StartNew();
            var count = ListSampling(facade, peak).GetAwaiter().GetResult();
            watch.Stop();
            if (count != total)
            {
                throw new InvalidOperationException($"Listed {count} contacts, expected {total}.");
            }

            var growth = peak.Value - before;
            table.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {total:N0} | {before / 1024.0:N0} KiB | {peak.Value / 1024.0:N0} KiB | {growth / 1024.0:N1} KiB | {watch.Elapsed.TotalMilliseconds:N0} ms (with {total / SampleEvery} full GCs) |"));
        }

        return table.ToString();
    }

    private static async Task<int> ListSampling(ContactsClient facade, StrongBox<long> peak)
    {
        var count = 0;
        await foreach (var contact in facade.ListAsync())
        {
            if (++count % SampleEvery == 0)
            {
                peak.Value = Math.Max(peak.Value, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        return count;
    }
}
