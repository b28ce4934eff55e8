using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ContactsSpec.Benchmarks.Infrastructure;

/// <summary>
/// The benchmark's median time over its category baseline's median time. BenchmarkDotNet's Ratio is the mean of
/// per-iteration ratios, which a few slow iterations (other processes on a 2-core machine) pull up or down; the
/// ratio of medians ignores them, and is what RESULTS.md checks the targets against.
/// </summary>
public sealed class MedianRatioColumn : IColumn
{
    /// <inheritdoc />
    public string Id => nameof(MedianRatioColumn);

    /// <inheritdoc />
    public string ColumnName => "Median Ratio";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Baseline;

    /// <inheritdoc />
    public int PriorityInCategory => 10;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => "Median time / the category baseline's median time";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var baseline = summary?.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var median = summary?[benchmarkCase]?.ResultStatistics?.Median;
        var baselineMedian = baseline is null ? null : summary![baseline]?.ResultStatistics?.Median;
        return median is { } value && baselineMedian is > 0 and var reference
            ? (value / reference).ToString("0.00", CultureInfo.InvariantCulture)
            : "NA";
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Adds the <see cref="MedianRatioColumn"/> (and the Median column it is computed from).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MedianRatioColumnAttribute() : ColumnConfigBaseAttribute(new MedianRatioColumn(), StatisticColumn.Median);
