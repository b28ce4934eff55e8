using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Running;

namespace ContactsSpec.Cli.Conformance;

/// <summary>The <c>conformance --output json</c> document.</summary>
internal sealed record ConformanceSummary
{
    /// <summary>Every case passed and the coverage gate holds.</summary>
    public required bool Passed { get; init; }

    public required int Total { get; init; }

    public required int PassedCases { get; init; }

    public required int FailedCases { get; init; }

    public required double Seconds { get; init; }

    public required IReadOnlyList<string> Providers { get; init; }

    /// <summary>The targets run, by key: <c>nswag</c>, <c>kiota</c>, <c>facade</c>.</summary>
    public required IReadOnlyList<string> Targets { get; init; }

    /// <summary>Documented responses without their passing cases (the coverage gate).</summary>
    public required IReadOnlyList<string> Uncovered { get; init; }

    public required IReadOnlyList<ConformanceFailure> Failures { get; init; }

    public required ConformanceReportFiles Reports { get; init; }

    /// <summary>Where the specs came from: a checkout, <c>--specs</c>, or the ones built into the tool.</summary>
    public required string Specs { get; init; }

    public static ConformanceSummary From(ConformanceSession session, string markdown, string html, string junit, string specs)
    {
        var results = session.Report.Results;
        var failures = results.Where(result => !result.Passed).ToList();
        var uncovered = session.CoverageGaps();
        return new ConformanceSummary
        {
            Passed = failures.Count == 0 && uncovered.Count == 0 && session.IsComplete,
            Total = results.Count,
            PassedCases = results.Count - failures.Count,
            FailedCases = failures.Count,
            Seconds = Math.Round(session.Elapsed.TotalSeconds, 1),
            Providers = [.. session.Cases.Select(@case => @case.Provider).Distinct().Order(StringComparer.Ordinal)],
            Targets = [.. session.Targets.Select(target => target.Key())],
            Uncovered = uncovered,
            Failures = [.. failures.Select(failure => new ConformanceFailure(
                failure.Case.Id, failure.Target.Key(), failure.Problems))],
            Reports = new ConformanceReportFiles(markdown, html, junit),
            Specs = specs,
        };
    }
}

/// <summary>One failing case.</summary>
internal sealed record ConformanceFailure(string Id, string Target, IReadOnlyList<string> Problems);

/// <summary>Where the reports went.</summary>
internal sealed record ConformanceReportFiles(string Markdown, string Html, string Junit);
