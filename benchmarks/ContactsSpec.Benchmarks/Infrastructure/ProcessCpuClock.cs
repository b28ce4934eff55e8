using Perfolizer.Horology;

namespace ContactsSpec.Benchmarks.Infrastructure;

/// <summary>
/// A BenchmarkDotNet clock that reads this process's CPU time (user + kernel, all threads;
/// <see cref="Environment.CpuUsage"/>) instead of the wall clock. Time spent waiting for the
/// CPU while other processes run is not counted, so ratios stay put on a shared, busy machine. It suits work that
/// never waits for I/O, as the in-memory per-call benchmarks: every bit of their time is CPU time.
/// </summary>
public sealed class ProcessCpuClock : IClock
{
    /// <summary>The one instance.</summary>
    public static ProcessCpuClock Instance { get; } = new();

    /// <inheritdoc />
    public string Title => "ProcessCpu";

    /// <inheritdoc />
    public bool IsAvailable => true;

    /// <inheritdoc />
    public Frequency Frequency => new(TimeSpan.TicksPerSecond);

    /// <inheritdoc />
    public long GetTimestamp() => Environment.CpuUsage.TotalTime.Ticks;

    /// <summary>The name the summary's Clock column shows.</summary>
    public override string ToString() => Title;
}
