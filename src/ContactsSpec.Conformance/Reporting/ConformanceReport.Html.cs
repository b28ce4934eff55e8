using System.Globalization;
using System.Net;
using System.Text;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Running;

namespace ContactsSpec.Conformance.Reporting;

/// <summary>The HTML report: one self-contained page (inline CSS, no scripts), every text HTML-encoded.</summary>
public sealed partial class ConformanceReport
{
    private const string Stylesheet = """
        :root { --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #cf222e; --fail-bg: #ffebe9; --none: #57606a; --none-bg: #f6f8fa; --line: #d0d7de; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; padding: 24px 32px 48px; max-width: 1200px; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 15px; margin: 20px 0 6px; }
        .lead { color: #57606a; margin: 0 0 16px; }
        .verdict { display: inline-block; padding: 6px 12px; border-radius: 6px; font-weight: 600; margin: 8px 0 16px; }
        .verdict.pass { background: var(--pass-bg); color: var(--pass); }
        .verdict.fail { background: var(--fail-bg); color: var(--fail); }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
        th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: var(--none-bg); font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.pass { background: var(--pass-bg); color: var(--pass); font-weight: 600; }
        td.fail { background: var(--fail-bg); color: var(--fail); font-weight: 600; }
        td.none { background: var(--none-bg); color: var(--none); font-style: italic; }
        .variant { color: #57606a; font-size: 12px; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
        pre { white-space: pre-wrap; word-break: break-word; background: var(--fail-bg); border-left: 3px solid var(--fail); padding: 8px 10px; margin: 4px 0; }
        details { margin: 4px 0; }
        details summary { cursor: pointer; font-weight: 600; }
        details.provider { margin: 12px 0; }
        details.provider > summary { font-size: 16px; padding: 4px 0; border-bottom: 1px solid var(--line); }
        details.operation { margin: 6px 0 6px 16px; }
        details.operation > summary { font-weight: 400; }
        .failcount { color: var(--fail); font-weight: 600; }
        nav a { margin-right: 12px; }
        .legend span { display: inline-block; padding: 1px 8px; margin-right: 8px; border-radius: 4px; }
        .legend span.variant { padding: 0; margin: 0; }
        """;

    /// <summary>
    /// The HTML report: the summary per provider and target, then every failure with its differences, then the grid
    /// provider × operation × response in sections that fold (open where something failed).
    /// </summary>
    public string Html(TimeSpan wallTime)
    {
        var results = Results;
        var uncovered = UncoveredDocumentedResponses();
        var failed = results.Where(result => !result.Passed).ToList();
        var passed = results.Count - failed.Count;
        var required = _documented.Sum(@case => TargetsOf(@case).Count());
        var ok = failed.Count == 0 && uncovered.Count == 0 && results.Count > 0;
        var providers = results.GroupBy(result => result.Case.Provider).OrderBy(group => group.Key, StringComparer.Ordinal).ToList();

        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>")
            .AppendLine("<html lang=\"en\">")
            .AppendLine("<head>")
            .AppendLine("<meta charset=\"utf-8\">")
            .AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .AppendLine("<title>ContactsSpec conformance report</title>")
            .Append("<style>").Append(Stylesheet).AppendLine("</style>")
            .AppendLine("</head>")
            .AppendLine("<body>")
            .AppendLine("<h1>ContactsSpec conformance report</h1>")
            .Append("<p class=\"lead\">Every documented response of every provider spec, replayed through WireMock against ")
            .Append(Encode(RequiredTargets()))
            .AppendLine(".</p>");

        html.Append(CultureInfo.InvariantCulture, $"<div class=\"verdict {(ok ? "pass" : "fail")}\">")
            .Append(Encode(Invariant($"{passed} of {results.Count} cases passed in {wallTime.TotalSeconds:0.0} s")))
            .Append(" &middot; ")
            .Append(Encode(Invariant($"{required - uncovered.Count} of {required} required passes for {_documented.Count} documented responses")))
            .AppendLine("</div>");

        html.Append("<nav>");
        if (failed.Count > 0 || uncovered.Count > 0)
        {
            html.Append("<a href=\"#failures\">Failures</a>");
        }

        foreach (var provider in providers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"#{Encode(Anchor(provider.Key))}\">{Encode(provider.Key)}</a>");
        }

        html.AppendLine("</nav>");

        html.AppendLine("<h2>Summary</h2>")
            .AppendLine("<table>")
            .Append("<tr><th>provider</th><th>documented responses</th><th>forward-compatibility cases</th>")
            .Append(string.Concat(_targets.Select(target => $"<th>{Encode(target.DisplayName())} passed / run</th>")))
            .AppendLine("</tr>");
        foreach (var provider in providers)
        {
            var (documented, variants) = CaseCounts(provider);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#{Encode(Anchor(provider.Key))}\">{Encode(provider.Key)}</a></td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{documented}</td><td class=\"num\">{variants}</td>");
            foreach (var target in _targets)
            {
                html.Append(CountCell([.. provider.Where(result => result.Target == target)]));
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</table>");

        html.AppendLine("<h2 id=\"targets\">How each target reads each provider</h2>")
            .AppendLine("<p>What each target handed its caller for the documented answers (forward-compatibility variants left out), by type, and how many of those cases passed.</p>")
            .AppendLine("<table>")
            .Append("<tr><th>provider</th><th>documented answer</th>")
            .Append(string.Concat(_targets.Select(target => $"<th>{Encode(target.DisplayName())}</th>")))
            .AppendLine("</tr>");
        foreach (var row in ClientComparison.Rows(results, _targets))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(row.Provider)}</td><td>{Encode(row.Answer)}</td>");
            foreach (var cell in row.Cells)
            {
                html.Append("<td>")
                    .Append(cell.Outcomes.Count == 0
                        ? "not run"
                        : string.Join(", ", cell.Outcomes.Select(outcome => $"<code>{Encode(outcome.Type)}</code>"
                            + (outcome.Details.Count == 0 ? string.Empty : Encode($" ({string.Join(", ", outcome.Details)})")))))
                    .Append(Encode(cell.Tally))
                    .Append("</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</table>");

        if (failed.Count > 0 || uncovered.Count > 0)
        {
            html.AppendLine("<h2 id=\"failures\">Failures</h2>");
            foreach (var result in failed)
            {
                html.Append("<details class=\"failure\" open><summary>")
                    .Append(Encode($"{result.Case.Id} ({result.Target.DisplayName()})"))
                    .Append(CultureInfo.InvariantCulture, $"</summary><p><a href=\"#{Encode(CaseAnchor(result.Case))}\">its row in the matrix</a></p>");
                // Each problem states what differs: what the response or request was against what the spec says.
                foreach (var problem in result.Problems)
                {
                    html.Append("<pre>").Append(Encode(problem)).Append("</pre>");
                }

                html.AppendLine("</details>");
            }

            if (uncovered.Count > 0)
            {
                html.AppendLine("<h3>Documented responses without a passing case (the coverage gate)</h3>").AppendLine("<ul>");
                foreach (var id in uncovered)
                {
                    html.Append("<li><code>").Append(Encode(id)).AppendLine("</code></li>");
                }

                html.AppendLine("</ul>");
            }
        }

        html.AppendLine("<h2>Matrix</h2>")
            .AppendLine("<p class=\"legend\"><span class=\"pass\" style=\"background:var(--pass-bg);color:var(--pass)\">pass</span>"
                + "<span style=\"background:var(--fail-bg);color:var(--fail)\">FAIL</span>"
                + "<span style=\"background:var(--none-bg);color:var(--none)\">no facade call</span>"
                + "Rows marked <span class=\"variant\">+unknown-field</span> or <span class=\"variant\">+unknown-chat-type</span> are forward-compatibility variants of a documented success. "
                + "A provider or operation with a failure is open; click any other to unfold it.</p>");
        foreach (var provider in providers)
        {
            var providerFailures = provider.Count(result => !result.Passed);
            html.Append(CultureInfo.InvariantCulture, $"<details class=\"provider\" id=\"{Encode(Anchor(provider.Key))}\"{Open(providerFailures)}><summary>")
                .Append(Encode(provider.Key)).Append(": ").Append(Tally(provider.ToList())).AppendLine("</summary>");
            foreach (var operation in provider.GroupBy(result => result.Case.Operation.Id, StringComparer.Ordinal))
            {
                var operationFailures = operation.Count(result => !result.Passed);
                html.Append(CultureInfo.InvariantCulture, $"<details class=\"operation\"{Open(operationFailures)}><summary><code>")
                    .Append(Encode(operation.Key)).Append("</code> ").Append(Tally(operation.ToList())).AppendLine("</summary>")
                    .AppendLine("<table>")
                    .Append("<tr><th>status</th><th>response</th>")
                    .Append(string.Concat(_targets.Select(target => $"<th>{Encode(target.DisplayName())}</th>")))
                    .AppendLine("</tr>");
                foreach (var row in operation.GroupBy(result => result.Case.Id, StringComparer.Ordinal))
                {
                    var @case = row.First().Case;
                    html.Append(CultureInfo.InvariantCulture, $"<tr id=\"{Encode(CaseAnchor(@case))}\"><td class=\"num\">{@case.Status}</td><td>")
                        .Append(ResponseName(@case))
                        .Append("</td>");
                    foreach (var target in _targets)
                    {
                        html.Append(OutcomeCell(row.FirstOrDefault(result => result.Target == target), NotRun(@case, target)));
                    }

                    html.AppendLine("</tr>");
                }

                html.AppendLine("</table>").AppendLine("</details>");
            }

            html.AppendLine("</details>");
        }

        html.AppendLine("</body>").AppendLine("</html>");
        return html.ToString();
    }

    private static string ResponseName(ConformanceCase @case)
    {
        var plus = @case.ExampleName.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? Encode(@case.ExampleName)
            : Encode(@case.ExampleName[..plus]) + " <span class=\"variant\">" + Encode(@case.ExampleName[plus..]) + "</span>";
    }

    private static string OutcomeCell(ConformanceResult? result, string missing) => result switch
    {
        null => $"<td class=\"none\">{Encode(missing)}</td>",
        { Passed: true } => "<td class=\"pass\">pass</td>",
        _ => $"<td class=\"fail\">FAIL ({result.Problems.Count} problem{(result.Problems.Count == 1 ? string.Empty : "s")})</td>",
    };

    private static string CountCell(List<ConformanceResult> results)
    {
        if (results.Count == 0)
        {
            return "<td class=\"none\">none</td>";
        }

        var passed = results.Count(result => result.Passed);
        return Invariant($"<td class=\"{(passed == results.Count ? "pass" : "fail")} num\">{passed} / {results.Count}</td>");
    }

    // Failures unfold their sections; everything that passed stays folded.
    private static string Open(int failures) => failures > 0 ? " open" : string.Empty;

    private static string Tally(List<ConformanceResult> results)
    {
        var failures = results.Count(result => !result.Passed);
        return Encode(Invariant($"{results.Count - failures} of {results.Count} passed")) + (failures == 0 ? string.Empty : Invariant($" <span class=\"failcount\">{failures} failed</span>"));
    }

    private static string Anchor(string provider) => "provider-" + provider;

    // Case ids are unique and hold no white space (kebab-case example names), so they make valid, distinct ids.
    private static string CaseAnchor(ConformanceCase @case) => "case-" + @case.Id;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
