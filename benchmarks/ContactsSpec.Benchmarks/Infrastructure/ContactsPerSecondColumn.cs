using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ContactsSpec.Benchmarks.Infrastructure;

/// <summary>
/// Contacts per second for benchmarks whose OperationsPerInvoke is their number of contacts: Mean is then the
/// time per contact, and this column is its inverse.
/// </summary>
public sealed class ContactsPerSecondColumn : IColumn
{
    /// <inheritdoc />
    public string Id => nameof(ContactsPerSecondColumn);

    /// <inheritdoc />
    public string ColumnName => "Contacts/s";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => "Contacts per second: 1 / Mean, Mean being the time per contact";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary?[benchmarkCase]?.ResultStatistics?.Mean is > 0 and var nanoseconds
            ? (1e9 / nanoseconds).ToString("N0", CultureInfo.InvariantCulture)
            : "NA";

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Adds the <see cref="ContactsPerSecondColumn"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ContactsPerSecondColumnAttribute() : ColumnConfigBaseAttribute(new ContactsPerSecondColumn());
