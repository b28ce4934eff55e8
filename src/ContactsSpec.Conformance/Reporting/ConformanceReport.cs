using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Xml;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Running;

namespace ContactsSpec.Conformance.Reporting;

/// <summary>
/// Collects case results from a run (thread-safe) and writes the matrix provider × operation × response, a column
/// per target (the NSwag client, the Kiota client, the facade), as Markdown, HTML (<c>ConformanceReport.Html.cs</c>)
/// and JUnit XML. Also the coverage gate: every documented response needs a passing case for each target run, the
/// facade only where a facade call sends its request.
/// </summary>
public sealed partial class ConformanceReport
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<(string Id, ConformanceTarget Target), ConformanceResult> _results = new();
    private readonly IReadOnlyList<ConformanceCase> _documented;
    private readonly Func<ConformanceCase, bool> _facadeReaches;
    private readonly IReadOnlyList<ConformanceTarget> _targets;

    /// <summary>
    /// A report for a run of <paramref name="cases"/> against <paramref name="targets"/>; <paramref name="facadeReaches"/>
    /// says which cases a facade call sends.
    /// </summary>
    public ConformanceReport(IEnumerable<ConformanceCase> cases, IEnumerable<ConformanceTarget> targets, Func<ConformanceCase, bool> facadeReaches)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(targets);
        _documented = [.. cases.Where(@case => @case.Kind == ConformanceCaseKind.Documented)];
        var chosen = targets.ToHashSet();
        _targets = [.. ConformanceTargets.All.Where(chosen.Contains)];
        _facadeReaches = facadeReaches;
    }

    /// <summary>The results recorded so far, in case id order, then target order.</summary>
    public IReadOnlyList<ConformanceResult> Results =>
        [.. _results.Values.OrderBy(result => result.Case.Id, StringComparer.Ordinal).ThenBy(result => result.Target)];

    /// <summary>Documented responses in the specs.</summary>
    public int DocumentedResponseCount => _documented.Count;

    /// <summary>Records a case's result; a case run twice keeps its last result.</summary>
    public void Add(ConformanceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _results[(result.Case.Id, result.Target)] = result;
    }

    /// <summary>
    /// Documented responses without a passing case for a target they need one for: the coverage gate passes when
    /// this is empty.
    /// </summary>
    public IReadOnlyList<string> UncoveredDocumentedResponses() =>
        [.. _documented.SelectMany(@case => TargetsOf(@case)
            .Where(target => !(_results.TryGetValue((@case.Id, target), out var result) && result.Passed))
            .Select(target => $"{@case.Id} ({target.DisplayName()})"))];

    /// <summary>The targets a case runs against: each one of the report's, except the facade where no facade call sends it.</summary>
    public IEnumerable<ConformanceTarget> TargetsOf(ConformanceCase @case) =>
        _targets.Where(target => target != ConformanceTarget.Facade || _facadeReaches(@case));

    /// <summary>Writes <c>report.md</c>, <c>report.html</c> and <c>junit.xml</c> into <paramref name="folder"/>; returns the Markdown path.</summary>
    public async Task<string> WriteAsync(string folder, TimeSpan wallTime, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var markdownPath = Path.Combine(folder, "report.md");
        await File.WriteAllTextAsync(markdownPath, Markdown(wallTime), Utf8WithoutBom, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.html"), Html(wallTime), Utf8WithoutBom, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, "junit.xml"), JUnit(wallTime), Utf8WithoutBom, cancellationToken).ConfigureAwait(false);
        return markdownPath;
    }

    /// <summary>The Markdown report.</summary>
    public string Markdown(TimeSpan wallTime)
    {
        var results = Results;
        var uncovered = UncoveredDocumentedResponses();
        var text = new StringBuilder();
        text.AppendLine("# Conformance report").AppendLine();
        var passed = results.Count(result => result.Passed);
        var required = _documented.Sum(@case => TargetsOf(@case).Count());
        text.AppendLine(Invariant($"{passed} of {results.Count} cases passed in {wallTime.TotalSeconds:0.0} s. {_documented.Count} documented responses: {required - uncovered.Count} of the {required} required passes ({RequiredTargets()}) are there."));
        text.AppendLine();
        text.AppendLine("| provider | documented responses | forward-compatibility cases | " + string.Join(" | ", _targets.Select(target => $"{target.DisplayName()} passed / run")) + " |");
        text.AppendLine("|---|---:|---:|" + string.Concat(_targets.Select(_ => "---:|")));
        foreach (var provider in results.GroupBy(result => result.Case.Provider).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var (documented, variants) = CaseCounts(provider);
            text.Append(Invariant($"| {provider.Key} | {documented} | {variants} |"));
            foreach (var target in _targets)
            {
                var run = provider.Where(result => result.Target == target).ToList();
                text.Append(Invariant($" {run.Count(result => result.Passed)} / {run.Count} |"));
            }

            text.AppendLine();
        }

        if (uncovered.Count > 0)
        {
            text.AppendLine().AppendLine("## Documented responses without a passing case").AppendLine();
            foreach (var id in uncovered)
            {
                text.AppendLine(Invariant($"- {id}"));
            }
        }

        text.AppendLine().AppendLine("## How each target reads each provider").AppendLine();
        text.AppendLine("What each target handed its caller for the documented answers (forward-compatibility variants left out), by type, and how many of those cases passed.");
        text.AppendLine().Append(ClientComparison.Markdown(results, _targets));

        text.AppendLine().AppendLine("## Matrix").AppendLine();
        text.AppendLine("| provider | operation | status | response | " + string.Join(" | ", _targets.Select(target => target.DisplayName())) + " |");
        text.AppendLine("|---|---|---|---|" + string.Concat(_targets.Select(_ => "---|")));
        foreach (var row in results.GroupBy(result => result.Case.Id, StringComparer.Ordinal))
        {
            var @case = row.First().Case;
            text.Append(Invariant($"| {@case.Provider} | {@case.Operation.Id} | {@case.Status} | {@case.ExampleName} |"));
            foreach (var target in _targets)
            {
                var result = row.FirstOrDefault(candidate => candidate.Target == target);
                text.Append(' ').Append(result is null ? NotRun(@case, target) : Outcome(result)).Append(" |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>The JUnit XML report: one test suite per provider, one test case per conformance case.</summary>
    public string JUnit(TimeSpan wallTime)
    {
        var results = Results;
        var settings = new XmlWriterSettings { Indent = true, Encoding = Utf8WithoutBom };
        // Written as bytes: over a StringWriter the declaration would say utf-16, which strict readers reject for
        // the UTF-8 file this becomes.
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "ContactsSpec conformance");
            xml.WriteAttributeString("tests", Invariant($"{results.Count}"));
            xml.WriteAttributeString("failures", Invariant($"{results.Count(result => !result.Passed)}"));
            xml.WriteAttributeString("time", Invariant($"{wallTime.TotalSeconds:0.000}"));
            foreach (var provider in results.GroupBy(result => result.Case.Provider).OrderBy(group => group.Key, StringComparer.Ordinal))
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", provider.Key);
                xml.WriteAttributeString("tests", Invariant($"{provider.Count()}"));
                xml.WriteAttributeString("failures", Invariant($"{provider.Count(result => !result.Passed)}"));
                foreach (var result in provider)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", $"{result.Case.Provider}.{result.Case.Operation.Id}");
                    xml.WriteAttributeString("name", $"{result.Case.Id} ({result.Target.DisplayName()})");
                    xml.WriteAttributeString("time", Invariant($"{result.Duration.TotalSeconds:0.000}"));
                    if (!result.Passed)
                    {
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("message", result.Problems[0]);
                        xml.WriteString(result.Reason);
                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Utf8WithoutBom.GetString(buffer.ToArray());
    }

    // "NSwag client, Kiota client, and facade where a facade call sends the request".
    private string RequiredTargets() =>
        string.Join(", ", _targets.Select(target => target == ConformanceTarget.Facade ? "facade where a facade call sends the request" : target.DisplayName()));

    // Distinct cases, whichever targets ran them.
    private static (int Documented, int Variants) CaseCounts(IEnumerable<ConformanceResult> results)
    {
        var cases = results.Select(result => result.Case).DistinctBy(@case => @case.Id).ToList();
        var documented = cases.Count(@case => @case.Kind == ConformanceCaseKind.Documented);
        return (documented, cases.Count - documented);
    }

    private string NotRun(ConformanceCase @case, ConformanceTarget target) =>
        target == ConformanceTarget.Facade && !_facadeReaches(@case) ? "no facade call" : "not run";

    private static string Outcome(ConformanceResult result) => result.Passed ? "pass" : "**FAIL**: " + Cell(result.Reason);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
