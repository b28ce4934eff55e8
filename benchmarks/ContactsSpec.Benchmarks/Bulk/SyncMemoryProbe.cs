using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ContactsSpec.Benchmarks.Bulk;

/// <summary>
/// Memory of the 100,000-contact Wazzup v3 sync (<see cref="WazzupV3BulkUpsertBenchmarks"/>, default concurrency):
/// the caller's contact list, the peak of the managed heap while the facade syncs it (sampled every 5 ms, garbage
/// not yet collected included) and what stays live after it (the batch result of one item per contact). The
/// server runs in the same process, so its memory is in these figures too. Run after the bulk benchmarks.
/// </summary>
public static class SyncMemoryProbe
{
    /// <summary>Runs the probe and returns its table as Markdown.</summary>
    public static string Run()
    {
        using var server = WazzupV3BulkUpsertBenchmarks.StartServer();
        using var facade = WazzupV3BulkUpsertBenchmarks.CreateFacade(server, maxConcurrency: 4);
        facade.UpsertManyAsync(WazzupV3BulkUpsertBenchmarks.CreateContacts(1_000)).GetAwaiter().GetResult();

        var empty = GC.GetTotalMemory(forceFullCollection: true);
        var contacts = WazzupV3BulkUpsertBenchmarks.CreateContacts(WazzupV3BulkUpsertBenchmarks.Contacts);
        var withInput = GC.GetTotalMemory(forceFullCollection: true);

        using var sampling = new CancellationTokenSource();
        var peak = withInput;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5, CancellationToken.None);
            }
        });
        var watch = Stopwatch.StartNew();
        var result = facade.UpsertManyAsync(contacts).GetAwaiter().GetResult();
        watch.Stop();
        sampling.Cancel();
        sampler.GetAwaiter().GetResult();
        var afterSync = GC.GetTotalMemory(forceFullCollection: true);
        if (!result.AllSucceeded || result.Items.Count != contacts.Count)
        {
            throw new InvalidOperationException("The probe's sync did not succeed for every contact.");
        }

        static string MiB(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " MiB";
        using var process = Process.GetCurrentProcess();
        return new StringBuilder()
            .AppendLine("| contacts | the caller's list | peak heap while syncing (over the list) | live after (the result) | wall time | peak working set of the process |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|")
            .AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {contacts.Count:N0} | {MiB(withInput - empty)} | {MiB(peak)} ({MiB(peak - withInput)}) | {MiB(afterSync - withInput)} | {watch.Elapsed.TotalSeconds:N2} s | {MiB(process.PeakWorkingSet64)} |"))
            .ToString();
    }
}
