using System.Globalization;
using System.Text.RegularExpressions;
using ContactsSpec.Reliability.Tests.Support;

namespace ContactsSpec.Reliability.Tests;

/// <summary>
/// docs/RELIABILITY.md's fault-matrix figures: the table covers every case the suite runs (each case checks its own
/// cell, <see cref="FaultMatrixTests"/>), and the counts quoted at the top are the table's.
/// </summary>
[TestFixture]
public sealed partial class ReliabilityDocumentTests
{
    private static IEnumerable<string> Cells => DocumentedFaultMatrix.Cells.Values;

    [Test]
    public void The_documented_matrix_has_one_cell_per_case_the_suite_runs()
    {
        var cases = ProviderCatalog.Operations.SelectMany(operation => Enum.GetNames<FaultKind>().Select(fault => (operation.ToString(), fault)));

        Assert.That(DocumentedFaultMatrix.Cells.Keys, Is.EquivalentTo(cases));
    }

    [Test]
    public void The_quoted_case_count_is_the_tables()
    {
        var row = Row("fault matrix: provider operations × faults");
        var operations = ProviderCatalog.Operations.Count;
        var faults = Enum.GetValues<FaultKind>().Length;

        Assert.That(row, Does.Contain($"{operations} × {faults} = **{operations * faults} cases**, {operations * faults} held"));
    }

    [Test]
    public void The_quoted_success_counts_are_the_tables()
    {
        Assert.That(Row("… ended in success after retry / success"), Does.Contain($"| {Count("R")} / {Count("S")} |"));
    }

    [Test]
    public void The_quoted_error_counts_are_the_tables()
    {
        var quoted = KindCount().Matches(Row("… ended in the documented typed error"))
            .ToDictionary(match => match.Groups[1].Value, match => int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        var table = new Dictionary<string, int>
        {
            ["Transport"] = Count("T"),
            ["ProviderError"] = Count("PE"),
            ["RetryLater"] = Count("RL"),
            ["OutcomeUnknown"] = Count("OU"),
        };

        Assert.That(quoted, Is.EquivalentTo(table.Where(pair => pair.Value > 0)));
    }

    [Test]
    public void The_quoted_non_idempotent_figures_are_the_tables()
    {
        // Every non-idempotent cell but the 429 columns is one request after a failure that may have reached the provider.
        var ambiguous = DocumentedFaultMatrix.Cells
            .Where(cell => ProviderCatalog.IsNonIdempotent(cell.Key.Operation) && !cell.Key.Fault.StartsWith("TooManyRequests", StringComparison.Ordinal))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Row("… non-idempotent calls after an ambiguous failure"), Does.Contain($"| {ambiguous.Count}, **0 duplicates**"));
            Assert.That(ambiguous.Select(cell => cell.Value), Is.All.EqualTo("OU 1"));
        });
    }

    private static int Count(string outcome) => Cells.Count(cell => cell.StartsWith(outcome + " ", StringComparison.Ordinal));

    private static string Row(string label) =>
        DocumentedFaultMatrix.Lines.SingleOrDefault(line => line.StartsWith($"| {label}", StringComparison.Ordinal))
        ?? throw new AssertionException($"docs/RELIABILITY.md has no row '{label}'.");

    [GeneratedRegex(@"(Transport|ProviderError|RetryLater|OutcomeUnknown) (\d+)")]
    private static partial Regex KindCount();
}
