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
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(targets);
        var documented = results.Where(result => result.Case.Kind == ConformanceCaseKind.Documented).ToList();
        var facadeThrew = documented
            .Where(result => result.Target == ConformanceTarget.Facade && result.Outcome.StartsWith(nameof(ContactsException), StringComparison.Ordinal))
            .Select(result => result.Case.Id)
            .ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.AppendLine("| provider | documented answer | " + string.Join(" | ", targets.Select(target => target.DisplayName())) + " |");
        text.AppendLine("|---|---|" + string.Concat(targets.Select(_ => "---|")));
        var rows = documented
            .GroupBy(result => (result.Case.Provider, Answer: Answer(result.Case, facadeThrew)))
            .OrderBy(row => row.Key.Provider, StringComparer.Ordinal)
            .ThenBy(row => row.Key.Answer.Order);
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{row.Key.Provider}` | {row.Key.Answer.Text} |");
            foreach (var target in targets)
            {
                text.Append(' ').Append(Cell([.. row.Where(result => result.Target == target)])).Append(" |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    // A 2xx the facade turns into an error carries the provider's error in its body (WAMM's err, WaSMS's status).
    private static (int Order, string Text) Answer(ConformanceCase @case, HashSet<string> facadeThrew) =>
        !@case.IsSuccessStatus ? (2, "error status (HTTP 4xx/5xx)")
        : facadeThrew.Contains(@case.Id) ? (1, "error inside a 2xx body")
        : (0, "success (2xx)");

    private static string Cell(List<ConformanceResult> results)
    {
        if (results.Count == 0)
        {
            return "not run";
        }

        // "ContactsException (Authentication)" and "ContactsException (NotFound)" read as "`ContactsException` (Authentication, NotFound)".
        var outcomes = results.Select(result => result.Outcome).Distinct(StringComparer.Ordinal)
            .Select(outcome => outcome.Split(" (", 2))
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.Any(parts => parts.Length == 2)
                ? $"`{group.Key}` ({string.Join(", ", group.Where(parts => parts.Length == 2).Select(parts => parts[1].TrimEnd(')')).Order(StringComparer.Ordinal))})"
                : $"`{group.Key}`");
        var passed = results.Count(result => result.Passed);
        return string.Join(", ", outcomes) + string.Create(CultureInfo.InvariantCulture, $"; {passed}/{results.Count} pass");
    }
}
