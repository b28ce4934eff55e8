using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Reporting;
using ContactsSpec.Conformance.Running;

namespace ContactsSpec.Conformance.Tests;

/// <summary>
/// The HTML report as a reader meets it: the summary per provider and target first, then the failures with what
/// differed, then the matrix folded, with only the sections holding a failure open. Rendered from a run with one
/// deliberately failing case.
/// </summary>
[TestFixture]
public sealed class HtmlReportTests
{
    private const string Problem = "Kind is ProviderError, docs/ERRORS.md says <Authentication>";

    private IDocument _page = null!;
    private ConformanceCase _failing = null!;

    [OneTimeSetUp]
    public async Task RenderAsync()
    {
        var cases = (await ConformanceSuite.CasesAsync()).Where(@case => @case.Provider is "wamm" or "wawp").ToList();
        _failing = cases.First(@case => @case.Provider == "wamm" && @case.Operation.Id == "contactGet" && @case.Kind == ConformanceCaseKind.Documented);
        var report = new ConformanceReport(cases, ConformanceTargets.All, _ => true);
        foreach (var @case in cases)
        {
            report.Add(new ConformanceResult(@case, ConformanceTarget.NSwagClient, [], TimeSpan.Zero) { Outcome = "WammResult" });
            report.Add(new ConformanceResult(@case, ConformanceTarget.KiotaClient, [], TimeSpan.Zero) { Outcome = "WammResult" });
            report.Add(new ConformanceResult(@case, ConformanceTarget.Facade, @case == _failing ? [Problem] : [], TimeSpan.Zero) { Outcome = "ContactsException (<Authentication>)" });
        }

        _page = await new HtmlParser().ParseDocumentAsync(report.Html(TimeSpan.FromSeconds(1)));
    }

    [OneTimeTearDown]
    public void Dispose() => _page.Dispose();

    [Test]
    public void The_summary_comes_first_with_a_row_per_provider_and_a_column_per_target()
    {
        var headings = _page.QuerySelectorAll("h2").Select(heading => heading.TextContent).ToList();
        var summary = _page.QuerySelector("table")!;
        var wamm = summary.QuerySelectorAll("tr").OfType<IHtmlTableRowElement>().Single(row => row.Cells.Length > 0 && row.Cells[0].TextContent == "wamm");

        Assert.Multiple(() =>
        {
            Assert.That(headings, Is.EqualTo(new[] { "Summary", "How each target reads each provider", "Failures", "Matrix" }));
            Assert.That(summary.QuerySelectorAll("th").Select(cell => cell.TextContent), Is.EqualTo(new[]
            {
                "provider", "documented responses", "forward-compatibility cases", "NSwag client passed / run", "Kiota client passed / run", "facade passed / run",
            }));
            Assert.That(wamm.Cells[^1].ClassList, Does.Contain("fail"), "the facade column shows the failure");
            Assert.That(wamm.Cells[^2].ClassList, Does.Contain("pass"));
        });
    }

    [Test]
    public void The_comparison_names_what_each_target_handed_its_caller_encoded()
    {
        var table = _page.QuerySelector("h2#targets")!.NextElementSibling!.NextElementSibling!;
        var row = table.QuerySelectorAll("tr").OfType<IHtmlTableRowElement>().First(candidate => candidate.Cells[0].TextContent == "wamm");

        Assert.Multiple(() =>
        {
            Assert.That(row.Cells.Select(cell => cell.TextContent).Skip(2), Has.Exactly(2).StartsWith("WammResult"), "the NSwag and Kiota columns");
            Assert.That(row.Cells[^1].TextContent, Does.StartWith("ContactsException (<Authentication>);"), "a kind shown as text, not markup");
            Assert.That(row.Cells[^1].InnerHtml, Does.Contain("&lt;Authentication&gt;"));
        });
    }

    [Test]
    public void The_failure_is_shown_open_with_what_differed_and_a_link_to_its_row()
    {
        var failure = _page.QuerySelectorAll("details.failure").Single();
        var link = failure.QuerySelector("a")!.GetAttribute("href")!;

        Assert.Multiple(() =>
        {
            Assert.That(failure.HasAttribute("open"), Is.True);
            Assert.That(failure.QuerySelector("summary")!.TextContent, Is.EqualTo($"{_failing.Id} (facade)"));
            Assert.That(failure.QuerySelector("pre")!.TextContent, Is.EqualTo(Problem), "the problem's text, markup-safe");
            Assert.That(_page.GetElementById(link.TrimStart('#'))?.TextContent, Does.Contain("FAIL"), "the link leads to the failing row");
        });
    }

    [Test]
    public void Only_the_sections_with_a_failure_are_unfolded()
    {
        var providers = _page.QuerySelectorAll("details.provider").ToList();
        var operations = _page.QuerySelectorAll("details.operation").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(providers.Where(section => section.HasAttribute("open")).Select(section => section.Id), Is.EqualTo(new[] { "provider-wamm" }));
            Assert.That(providers, Has.Count.EqualTo(2));
            Assert.That(operations.Where(section => section.HasAttribute("open")).Select(section => section.QuerySelector("code")!.TextContent), Is.EqualTo(new[] { "contactGet" }));
            Assert.That(operations, Has.Count.GreaterThan(4), "every operation folds on its own");
            Assert.That(operations.Single(section => section.HasAttribute("open")).QuerySelector("summary")!.TextContent, Does.Contain("1 failed"));
        });
    }
}
