using System.Text.Json;
using ContactsSpec.Cli.Tests.Support;

namespace ContactsSpec.Cli.Tests;

/// <summary><c>conformance</c>: the README's main-job command, run for one provider to stay fast.</summary>
[TestFixture]
public sealed class ConformanceCommandTests
{
    private readonly TemporaryFolder _folder = new();
    private CliRun _table = null!;

    [OneTimeSetUp]
    public async Task RunOnceAsync() => _table = await CliTool.RunAsync("conformance", "--provider", "wawp", "--out", _folder.Path);

    [OneTimeTearDown]
    public void Clean() => _folder.Dispose();

    [Test]
    public void Passes_and_writes_the_three_reports()
    {
        Assert.That(_table.ExitCode, Is.EqualTo(0), _table.ToString());
        Assert.That(new[] { "report.md", "report.html", "junit.xml" }.Select(name => Path.Combine(_folder.Path, name)), Has.All.Matches<string>(File.Exists));
    }

    [Test]
    public void Prints_the_matrix()
    {
        Assert.That(_table.StandardOutput, Does.Contain("Matrix").And.Contain("upsertContact").And.Contain("PASS 27 of 27 cases passed"), _table.ToString());
    }

    [Test]
    public void The_html_report_is_a_self_contained_page_with_the_grid()
    {
        var html = File.ReadAllText(Path.Combine(_folder.Path, "report.html"));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>").And.Contain("<style>"));
            Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<link"), "self-contained: no scripts, no external stylesheets");
            Assert.That(html, Does.Match("<details class=\"provider\" id=\"provider-wawp\"><summary>wawp: (\\d+) of \\1 passed</summary>"), "a passing provider stays folded");
            Assert.That(html, Does.Contain("<code>upsertContact</code>"));
            Assert.That(html, Does.Contain("<td class=\"pass\">pass</td>"));
            Assert.That(html, Does.Contain("+unknown-field"));
        });
    }

    [Test]
    public void The_junit_report_is_well_formed_in_the_encoding_it_declares()
    {
        // A strict reader, as CI servers use: the declared encoding must be the bytes' encoding.
        using var stream = File.OpenRead(Path.Combine(_folder.Path, "junit.xml"));
        var document = System.Xml.Linq.XDocument.Load(stream);

        Assert.That(document.Declaration?.Encoding, Is.EqualTo("utf-8"));
        Assert.That(document.Root?.Name.LocalName, Is.EqualTo("testsuites"));
    }

    [Test]
    public void The_junit_report_has_a_suite_per_provider()
    {
        var junit = File.ReadAllText(Path.Combine(_folder.Path, "junit.xml"));
        Assert.That(junit, Does.Contain("<testsuite name=\"wawp\" tests=\"27\" failures=\"0\">"));
    }

    [Test]
    public void Every_case_runs_against_the_NSwag_client_the_Kiota_client_and_the_facade()
    {
        var junit = System.Xml.Linq.XDocument.Load(Path.Combine(_folder.Path, "junit.xml"));
        var names = junit.Descendants("testcase").Select(testCase => (string)testCase.Attribute("name")!).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names, Does.Contain("wawp/upsertContact/401/empty (NSwag client)"));
            Assert.That(names, Does.Contain("wawp/upsertContact/401/empty (Kiota client)"));
            Assert.That(names, Does.Contain("wawp/upsertContact/401/empty (facade)"));
            Assert.That(_table.StandardOutput, Does.Contain("NSwag client").And.Contain("Kiota client").And.Contain("facade"));
        });
    }

    [Test]
    public async Task Target_picks_the_targets_and_the_coverage_gate_asks_only_for_them()
    {
        using var folder = new TemporaryFolder();
        var run = await CliTool.RunAsync("conformance", "-p", "wawp", "--target", "kiota", "--out", folder.Path, "--output", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var json = run.Json();
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("total").GetInt32(), Is.EqualTo(9));
            Assert.That(json.GetProperty("targets").EnumerateArray().Select(item => item.GetString()), Is.EqualTo(new[] { "kiota" }));
            Assert.That(json.GetProperty("uncovered").GetArrayLength(), Is.Zero);
            Assert.That(File.ReadAllText(Path.Combine(folder.Path, "report.md")), Does.Contain("| Kiota client passed / run |").And.Not.Contain("NSwag client"));
        });
    }

    [Test]
    public async Task An_unknown_target_is_a_usage_error_naming_the_targets()
    {
        var run = await CliTool.RunAsync("conformance", "-p", "wawp", "--target", "nswag,openapi", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Json().GetProperty("error").GetProperty("message").GetString(), Does.Contain("'openapi'").And.Contain("nswag, kiota, facade"));
    }

    [Test]
    public async Task Json_output_summarises_the_run()
    {
        using var folder = new TemporaryFolder();
        var run = await CliTool.RunAsync("conformance", "-p", "wawp", "--out", folder.Path, "--output", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var json = run.Json();
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("passed").GetBoolean(), Is.True);
            Assert.That(json.GetProperty("total").GetInt32(), Is.EqualTo(27));
            Assert.That(json.GetProperty("failedCases").GetInt32(), Is.Zero);
            Assert.That(json.GetProperty("providers").EnumerateArray().Select(item => item.GetString()), Is.EqualTo(new[] { "wawp" }));
            Assert.That(json.GetProperty("uncovered").GetArrayLength(), Is.Zero);
            Assert.That(json.GetProperty("reports").GetProperty("html").GetString(), Is.EqualTo(Path.Combine(folder.Path, "report.html")));
        });
    }

    [Test]
    public async Task An_unknown_provider_is_a_usage_error()
    {
        var run = await CliTool.RunAsync("conformance", "--provider", "wawp,nope", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Json().GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("Usage"));
    }
}
