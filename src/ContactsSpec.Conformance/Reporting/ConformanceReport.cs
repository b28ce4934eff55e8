using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Xml;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Running;

namespace ContactsSpec.Conformance.Reporting;

/// <summary>
/// Collects case results from a run (thread-safe) and writes the matrix provider × operation × response as
/// Markdown and JUnit XML. Also the coverage gate: every documented response needs a passing case.
/// </summary>
public sealed class ConformanceReport
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, ConformanceResult> _results = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _documentedResponses;

    /// <summary>A report for a run over <paramref name="cases"/>.</summary>
    public ConformanceReport(IEnumerable<ConformanceCase> cases)
    {
        _documentedResponses = ConformanceCaseCatalog.DocumentedResponseIds(cases);
    }

    /// <summary>The results recorded so far, in case id order.</summary>
    public IReadOnlyList<ConformanceResult> Results =>
        [.. _results.Values.OrderBy(result => result.Case.Id, StringComparer.Ordinal)];

    /// <summary>Documented responses in the specs.</summary>
    public int DocumentedResponseCount => _documentedResponses.Count;

    /// <summary>Records a case's result; a case run twice keeps its last result.</summary>
    public void Add(ConformanceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _results[result.Case.Id] = result;
    }

    /// <summary>Documented responses without a passing case: the coverage gate passes when this is empty.</summary>
    public IReadOnlyList<string> UncoveredDocumentedResponses() =>
        [.. _documentedResponses.Where(id => !(_results.TryGetValue(id, out var result) && result.Passed))];

    /// <summary>Writes <c>report.md</c> and <c>junit.xml</c> into <paramref name="folder"/>; returns the Markdown path.</summary>
    public async Task<string> WriteAsync(string folder, TimeSpan wallTime, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var markdownPath = Path.Combine(folder, "report.md");
        await File.WriteAllTextAsync(markdownPath, Markdown(wallTime), Utf8WithoutBom, cancellationToken).ConfigureAwait(false);
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
        var covered = _documentedResponses.Count - uncovered.Count;
        text.AppendLine(Invariant($"{passed} of {results.Count} cases passed in {wallTime.TotalSeconds:0.0} s; {covered} of {_documentedResponses.Count} documented responses have a passing case."));
        text.AppendLine();
        text.AppendLine("| provider | documented responses | forward-compatibility cases | passed | failed |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var provider in results.GroupBy(result => result.Case.Provider).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var documented = provider.Count(result => result.Case.Kind == ConformanceCaseKind.Documented);
            var forwardCompatible = provider.Count() - documented;
            text.AppendLine(Invariant($"| {provider.Key} | {documented} | {forwardCompatible} | {provider.Count(result => result.Passed)} | {provider.Count(result => !result.Passed)} |"));
        }

        if (uncovered.Count > 0)
        {
            text.AppendLine().AppendLine("## Documented responses without a passing case").AppendLine();
            foreach (var id in uncovered)
            {
                text.AppendLine(Invariant($"- {id}"));
            }
        }

        text.AppendLine().AppendLine("## Matrix").AppendLine();
        text.AppendLine("| provider | operation | status | response | result |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var result in results)
        {
            var outcome = result.Passed ? "pass" : "**FAIL**: " + Cell(result.Reason);
            text.AppendLine(Invariant($"| {result.Case.Provider} | {result.Case.Operation.Id} | {result.Case.Status} | {result.Case.ExampleName} | {outcome} |"));
        }

        return text.ToString();
    }

    /// <summary>The JUnit XML report: one test suite per provider, one test case per conformance case.</summary>
    public string JUnit(TimeSpan wallTime)
    {
        var results = Results;
        var settings = new XmlWriterSettings { Indent = true, Encoding = Utf8WithoutBom };
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
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
                    xml.WriteAttributeString("name", result.Case.Id);
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

        return buffer.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
