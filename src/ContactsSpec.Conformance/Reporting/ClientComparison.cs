using System.Globalization;
using System.Text;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Running;

namespace ContactsSpec.Conformance.Reporting;

/// <summary>
/// How each target reads each provider's documented answers, from a run's results: per provider and kind of answer
/// (a success, an error inside a 2xx body, an error status), what each target handed its caller, and how many of
/// those cases passed. Written into report.md, and kept in the README's "Choosing a client" (a test holds the two
/// equal), so the comparison is measured, never written by hand.
/// </summary>
public static class ClientComparison
{
    /// <summary>The Markdown table for the documented cases among <paramref name="results"/>.</summary>
    public static string Markdown(IEnumerable<ConformanceResult> results, IReadOnlyList<ConformanceTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var text = new StringBuilder();
        text.AppendLine("| provider | documented answer | " + string.Join(" | ", targets.Select(target => target.DisplayName())) + " |");
        text.AppendLine("|---|---|" + string.Concat(targets.Select(_ => "---|")));
        foreach (var row in Rows(results, targets))
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{row.Provider}` | {row.Answer} |");
            foreach (var cell in row.Cells)
            {
                text.Append(' ').Append(cell.Outcomes.Count == 0 ? "not run" : string.Join(", ", cell.Outcomes.Select(MarkdownOutcome)) + cell.Tally).Append(" |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>The table's rows: per provider and kind of documented answer, a cell per target.</summary>
    internal static IReadOnlyList<ComparisonRow> Rows(IEnumerable<ConformanceResult> results, IReadOnlyList<ConformanceTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(targets);
        var documented = results.Where(result => result.Case.Kind == ConformanceCaseKind.Documented).ToList();
        var facadeThrew = documented
            .Where(result => result.Target == ConformanceTarget.Facade && result.Outcome.StartsWith(nameof(ContactsException), StringComparison.Ordinal))
            .Select(result => result.Case.Id)
            .ToHashSet(StringComparer.Ordinal);
        return [.. documented
            .GroupBy(result => (result.Case.Provider, Answer: Answer(result.Case, facadeThrew)))
            .OrderBy(row => row.Key.Provider, StringComparer.Ordinal)
            .ThenBy(row => row.Key.Answer.Order)
            .Select(row => new ComparisonRow(row.Key.Provider, row.Key.Answer.Text, [.. targets.Select(target => Cell([.. row.Where(result => result.Target == target)]))]))];
    }

    // A 2xx the facade turns into an error carries the provider's error in its body (WAMM's err, WaSMS's status).
    private static (int Order, string Text) Answer(ConformanceCase @case, HashSet<string> facadeThrew) =>
        !@case.IsSuccessStatus ? (2, "error status (HTTP 4xx/5xx)")
        : facadeThrew.Contains(@case.Id) ? (1, "error inside a 2xx body")
        : (0, "success (2xx)");

    // "ContactsException (Authentication)" and "ContactsException (NotFound)" read as one outcome, ContactsException
    // with the kinds Authentication and NotFound.
    private static ComparisonCell Cell(List<ConformanceResult> results)
    {
        var outcomes = results.Select(result => result.Outcome).Distinct(StringComparer.Ordinal)
            .Select(outcome => outcome.Split(" (", 2))
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new ComparisonOutcome(
                group.Key,
                [.. group.Where(parts => parts.Length == 2).Select(parts => parts[1].TrimEnd(')')).Order(StringComparer.Ordinal)]))
            .ToList();
        var passed = results.Count(result => result.Passed);
        return new ComparisonCell(outcomes, results.Count == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; {passed}/{results.Count} pass"));
    }

    private static string MarkdownOutcome(ComparisonOutcome outcome) =>
        outcome.Details.Count == 0 ? $"`{outcome.Type}`" : $"`{outcome.Type}` ({string.Join(", ", outcome.Details)})";
}

/// <summary>One row of <see cref="ClientComparison"/>: a provider, a kind of documented answer, a cell per target.</summary>
internal sealed record ComparisonRow(string Provider, string Answer, IReadOnlyList<ComparisonCell> Cells);

/// <summary>What one target handed its caller for those answers (empty when it did not run), and how many passed.</summary>
internal sealed record ComparisonCell(IReadOnlyList<ComparisonOutcome> Outcomes, string Tally);

/// <summary>A type the caller got, with the details that tell its instances apart (a ContactsException's kinds).</summary>
internal sealed record ComparisonOutcome(string Type, IReadOnlyList<string> Details);
