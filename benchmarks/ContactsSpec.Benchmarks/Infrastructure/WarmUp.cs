namespace ContactsSpec.Benchmarks.Infrastructure;

/// <summary>
/// Runs every implementation of a class before any of them is measured. All benchmarks share one process (the
/// in-process toolchain), so without this the first benchmark measured would pay for tiered compilation of the
/// code the others share (HttpClient, System.Text.Json), in CPU time too (the background JIT thread counts), and
/// its ratios would be off.
/// </summary>
public static class WarmUp
{
    private const int Rounds = 3;
    private const int CallsPerRound = 200;

    // Longer than the runtime's tiering delay (100 ms), so call-counted methods reach tier 1 between rounds.
    private static readonly TimeSpan _pause = TimeSpan.FromMilliseconds(250);

    /// <summary>Calls each of <paramref name="calls"/> 200 times, three rounds with a pause between them (once under <c>--dry</c>).</summary>
    public static void Run(params Func<Task>[] calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        for (var round = 0; round < (BenchmarkJobs.Dry ? 1 : Rounds); round++)
        {
            foreach (var call in calls)
            {
                for (var index = 0; index < (BenchmarkJobs.Dry ? 1 : CallsPerRound); index++)
                {
                    call().GetAwaiter().GetResult();
                }
            }

            Thread.Sleep(BenchmarkJobs.Dry ? TimeSpan.Zero : _pause);
        }
    }
}
