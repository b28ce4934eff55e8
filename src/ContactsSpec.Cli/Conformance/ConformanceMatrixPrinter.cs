using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Conformance.Running;
using Spectre.Console;

namespace ContactsSpec.Cli.Conformance;

/// <summary>The conformance matrix for a terminal: per provider, per operation (or per response), failures in full.</summary>
internal static class ConformanceMatrixPrinter
{
    public static void Print(IAnsiConsole console, ConformanceSession session, ConformanceSummary summary, bool perResponse)
    {
        var results = session.Report.Results;
        var targets = session.Targets;
        var providers = new Table().Title("[bold]Conformance by provider[/]").Border(TableBorder.Rounded)
            .AddColumn("provider").AddColumn(new TableColumn("documented responses").RightAligned())
            .AddColumn(new TableColumn("forward-compatibility").RightAligned());
        foreach (var target in targets)
        {
            providers.AddColumn(new TableColumn(target.DisplayName()).RightAligned());
        }

        foreach (var provider in results.GroupBy(result => result.Case.Provider).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var cases = provider.Select(result => result.Case).DistinctBy(@case => @case.Id).ToList();
            var documented = cases.Count(@case => @case.Kind == ConformanceCaseKind.Documented);
            providers.AddRow([Markup.Escape(provider.Key), $"{documented}", $"{cases.Count - documented}",
                .. targets.Select(target => Count([.. provider.Where(result => result.Target == target)]))]);
        }

        console.Write(providers);
        console.WriteLine();
        console.Write(perResponse ? ResponseMatrix(results, targets) : OperationMatrix(results, targets));
        console.WriteLine();

        foreach (var failure in results.Where(result => !result.Passed))
        {
            console.Write(new Panel(new Text(failure.Reason))
                .Header($"[red]FAIL[/] {Markup.Escape(failure.Case.Id)} ({failure.Target.DisplayName()})")
                .BorderColor(Color.Red));
        }

        if (summary.Uncovered.Count > 0)
        {
            console.MarkupLine("[red bold]Documented responses without a passing case (coverage gate):[/]");
            foreach (var id in summary.Uncovered)
            {
                console.MarkupLine($"  [red]{Markup.Escape(id)}[/]");
            }
        }

        console.MarkupLine($"Reports: [link]{Markup.Escape(summary.Reports.Markdown)}[/], [link]{Markup.Escape(summary.Reports.Html)}[/], [link]{Markup.Escape(summary.Reports.Junit)}[/]");
        console.MarkupLine(summary.Passed
            ? $"[green bold]PASS[/] {summary.PassedCases} of {summary.Total} cases passed in {summary.Seconds:0.0} s; every documented response is covered."
            : $"[red bold]FAIL[/] {summary.PassedCases} of {summary.Total} cases passed in {summary.Seconds:0.0} s; {summary.FailedCases} failed, {summary.Uncovered.Count} documented responses uncovered.");
    }

    private static Table OperationMatrix(IReadOnlyList<ConformanceResult> results, IReadOnlyList<ConformanceTarget> targets)
    {
        var table = new Table().Title("[bold]Matrix: provider × operation[/] (responses per operation; --details for one row per response)").Border(TableBorder.Rounded)
            .AddColumn("provider").AddColumn("operation").AddColumn(new TableColumn("documented + forward-compatibility").RightAligned());
        foreach (var target in targets)
        {
            table.AddColumn(new TableColumn(target.DisplayName()).RightAligned());
        }

        table.AddColumn("failing responses");
        foreach (var operation in results.GroupBy(result => (result.Case.Provider, Operation: result.Case.Operation.Id)))
        {
            var cases = operation.Select(result => result.Case).DistinctBy(@case => @case.Id).ToList();
            var documented = cases.Count(@case => @case.Kind == ConformanceCaseKind.Documented);
            var failing = operation.Where(result => !result.Passed)
                .Select(result => $"{result.Case.Status}/{result.Case.ExampleName} ({result.Target.Key()})")
                .ToList();
            var reachable = FacadeInvoker.IsReachable(cases[0].Operation);
            table.AddRow([
                Markup.Escape(operation.Key.Provider),
                Markup.Escape(operation.Key.Operation),
                $"{documented} + {cases.Count - documented}",
                .. targets.Select(target => target == ConformanceTarget.Facade && !reachable
                    ? "[grey]no facade call[/]"
                    : Count([.. operation.Where(result => result.Target == target)])),
                failing.Count == 0 ? "[green]none[/]" : $"[red]{Markup.Escape(string.Join(", ", failing))}[/]",
            ]);
        }

        return table;
    }

    private static Table ResponseMatrix(IReadOnlyList<ConformanceResult> results, IReadOnlyList<ConformanceTarget> targets)
    {
        var table = new Table().Title("[bold]Matrix: provider × operation × response[/]").Border(TableBorder.Rounded)
            .AddColumn("provider").AddColumn("operation").AddColumn(new TableColumn("status").RightAligned()).AddColumn("response");
        foreach (var target in targets)
        {
            table.AddColumn(target.DisplayName());
        }

        foreach (var row in results.GroupBy(result => result.Case.Id, StringComparer.Ordinal))
        {
            var @case = row.First().Case;
            table.AddRow([
                Markup.Escape(@case.Provider), Markup.Escape(@case.Operation.Id), $"{@case.Status}", Markup.Escape(@case.ExampleName),
                .. targets.Select(target => Outcome(
                    row.FirstOrDefault(result => result.Target == target),
                    target == ConformanceTarget.Facade && !FacadeInvoker.IsReachable(@case.Operation) ? "no facade call" : "not run")),
            ]);
        }

        return table;
    }

    private static string Outcome(ConformanceResult? result, string missing) => result switch
    {
        null => $"[grey]{missing}[/]",
        { Passed: true } => "[green]pass[/]",
        _ => "[red bold]FAIL[/]",
    };

    private static string Count(List<ConformanceResult> results)
    {
        if (results.Count == 0)
        {
            return "[grey]-[/]";
        }

        var passed = results.Count(result => result.Passed);
        return passed == results.Count ? $"[green]{passed} / {results.Count}[/]" : $"[red]{passed} / {results.Count}[/]";
    }
}
