using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace ContactsSpec.Benchmarks.Infrastructure;

/// <summary>
/// The jobs of this suite, sized for a 2-core machine: BenchmarkDotNet's default job (up to 100 iterations of
/// 500 ms per benchmark) would take hours here. Figures and their spread are reported with every table. Every job
/// runs in process (<see cref="InProcessEmitToolchain"/>): nothing is regenerated or rebuilt from the source tree
/// during a run, and the assemblies measured are exactly the ones just built, whatever output layout built them.
/// </summary>
public static class BenchmarkJobs
{
    /// <summary>
    /// Set by <c>--dry</c>: every class runs in BenchmarkDotNet's <see cref="Job.Dry"/> instead (one cold
    /// invocation, no warm-up), which proves the benchmarks still build, set up and run, in seconds.
    /// </summary>
    public static bool Dry { get; set; }

    /// <summary>
    /// Per-call benchmarks (microseconds each): one process, 3 warm-up and 20 measured iterations of 100 ms
    /// (tens of thousands of calls each): more, shorter iterations than BenchmarkDotNet's ShortRun, so the median
    /// holds when other processes take the CPU for a moment.
    /// </summary>
    public static Job PerCall { get; } = Job.Default
        .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(20).WithIterationTime(TimeInterval.FromMilliseconds(100))
        .WithToolchain(InProcessEmitToolchain.Instance).WithId("PerCall");

    /// <summary>
    /// <see cref="PerCall"/> timed with <see cref="ProcessCpuClock"/>: the process's CPU time per call, which other
    /// processes on the machine do not inflate. RESULTS.md checks the time targets against this job.
    /// </summary>
    public static Job PerCallCpu { get; } = PerCall.WithClock(ProcessCpuClock.Instance).WithId("PerCallCpu");

    /// <summary>Streaming lists (10,000 and 100,000 contacts per invocation): one process, 2 warm-up and 5 measured iterations.</summary>
    public static Job Streaming { get; } = Job.Default
        .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5)
        .WithToolchain(InProcessEmitToolchain.Instance).WithId("Streaming");

    /// <summary>
    /// Bulk runs against WireMock.Net on loopback (a second or more each): one invocation per iteration (no pilot or
    /// overhead stages), 1 warm-up and 3 measured iterations.
    /// </summary>
    public static Job Bulk { get; } = Job.Default
        .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
        .WithToolchain(InProcessEmitToolchain.Instance).WithId("Bulk");

    /// <summary>
    /// <see cref="Bulk"/> timed with <see cref="ProcessCpuClock"/>: the process's CPU time per contact, the client's and
    /// the in-process server's together.
    /// </summary>
    public static Job BulkCpu { get; } = Bulk.WithClock(ProcessCpuClock.Instance).WithId("BulkCpu");

    /// <summary>Code generation and builds (seconds each, external processes): one invocation per iteration, 1 warm-up and 3 measured.</summary>
    public static Job CodeGeneration { get; } = Job.Default
        .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
        .WithToolchain(InProcessEmitToolchain.Instance).WithId("CodeGen");

    /// <summary><paramref name="job"/>, or the in-process dry job under <c>--dry</c>.</summary>
    public static Job Select(Job job) =>
        Dry ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Dry" + job.Id) : job;
}

/// <summary>Runs the class with <see cref="BenchmarkJobs.PerCall"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PerCallJobAttribute() : JobConfigBaseAttribute(BenchmarkJobs.Select(BenchmarkJobs.PerCall));

/// <summary>Runs the class with <see cref="BenchmarkJobs.PerCallCpu"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PerCallCpuJobAttribute() : JobConfigBaseAttribute(BenchmarkJobs.Select(BenchmarkJobs.PerCallCpu));

/// <summary>Runs the class with <see cref="BenchmarkJobs.Streaming"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StreamingJobAttribute() : JobConfigBaseAttribute(BenchmarkJobs.Select(BenchmarkJobs.Streaming));

/// <summary>Runs the class with <see cref="BenchmarkJobs.Bulk"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BulkJobAttribute() : JobConfigBaseAttribute(BenchmarkJobs.Select(BenchmarkJobs.Bulk));

/// <summary>Runs the class with <see cref="BenchmarkJobs.BulkCpu"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BulkCpuJobAttribute() : JobConfigBaseAttribute(BenchmarkJobs.Select(BenchmarkJobs.BulkCpu));

/// <summary>Runs the class with <see cref="BenchmarkJobs.CodeGeneration"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CodeGenerationJobAttribute() : JobConfigBaseAttribute(BenchmarkJobs.Select(BenchmarkJobs.CodeGeneration));
