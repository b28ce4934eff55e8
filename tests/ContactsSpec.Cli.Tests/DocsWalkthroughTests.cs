using System.Text.RegularExpressions;
using System.Xml.Linq;
using ContactsSpec.Cli.Tests.Support;

namespace ContactsSpec.Cli.Tests;

/// <summary>
/// The README's "When a provider changes its docs", end to end in a copy of the repository, on pages the test writes
/// itself: a changed error list and a new section → <c>docs check</c> names the operation and the section → the spec is
/// edited → <c>contacts-spec-regenerate</c> reports no breaking change and the new case → the main job passes it.
/// </summary>
[TestFixture]
public sealed partial class DocsWalkthroughTests
{
    private const string Spec = "specs/wazzup-v3/openapi.yaml";
    private const string NewCase = "wazzup-v3/upsertContacts/400/contact-id-taken";

    [Test]
    public async Task A_changed_page_leads_from_docs_check_to_a_passing_main_job()
    {
        using var repository = new RepositoryCopy();
        using var pages = new TemporaryFolder();

        // The spec as written from the page as it was: its fingerprints are of that page.
        var before = await CheckAsync(repository, pages.File("before.html", SavedPage.Html(SavedPage.WazzupV3Sections())));
        repository.Edit(Spec, yaml => Fingerprints(before).Aggregate(yaml, (text, section) => WithFingerprint(text, section.Key, section.Value)));
        await repository.CommitAsync("the spec as written from the page");

        // 1. The page now lists one more error and has a new section.
        var after = pages.File("after.html", SavedPage.Html(SavedPage.WazzupV3Sections(newError: true, newSection: true)));
        var check = await CheckAsync(repository, after);
        var changed = check.Json().GetProperty("sections").EnumerateArray().Where(section => section.GetProperty("status").GetString() != "unchanged").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(check.ExitCode, Is.EqualTo(1), check.ToString());
            Assert.That(changed.Select(section => section.GetProperty("section").GetString()), Is.EqualTo(new[] { SavedPage.Upsert }));
            Assert.That(changed.Single().GetProperty("operations").EnumerateArray().Select(operation => operation.GetString()), Is.EqualTo(new[] { "upsertContacts" }));
            Assert.That(check.Json().GetProperty("newSections").EnumerateArray().Select(section => section.GetProperty("heading").GetString()), Is.EqualTo(new[] { SavedPage.NewSection }));
        });

        // 2. The spec gains the new error's example and the section's new fingerprint; docs/ERRORS.md its row.
        repository.Edit(Spec, yaml => WithFingerprint(yaml, SavedPage.Upsert, changed.Single().GetProperty("current").GetString()!)
            .Replace(
                "                      limit: 100\n        '401':",
                $"                      limit: 100\n                contact-id-taken:\n                  summary: Another contact already has this id.\n                  value:\n                    error: {SavedPage.NewError}\n                    description: The contact id is taken.\n        '401':",
                StringComparison.Ordinal));
        repository.Edit("docs/ERRORS.md", markdown => markdown.Replace(
            "| wazzup-v3 | 400 | `TOO_MANY_ENTITIES` | LimitExceeded | no |\n",
            $"| wazzup-v3 | 400 | `TOO_MANY_ENTITIES` | LimitExceeded | no |\n| wazzup-v3 | 400 | `{SavedPage.NewError}` | InvalidInput | no |\n",
            StringComparison.Ordinal));
        var recheck = await CheckAsync(repository, after);
        Assert.That(recheck.ExitCode, Is.EqualTo(0), $"nothing cited differs from the spec now: {recheck}");

        // 3. contacts-spec-regenerate: no breaking change in any client, and the new conformance case.
        var regenerate = await CliTool.RegenerateAsync(["--provider", "wazzup-v3", "-o", "json"], repository.Root);
        var cases = regenerate.Json().GetProperty("cases").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(regenerate.ExitCode, Is.EqualTo(0), regenerate.ToString());
            Assert.That(regenerate.Json().GetProperty("clients").EnumerateArray().Select(client => client.GetProperty("breaking").GetBoolean()), Has.All.False);
            Assert.That(cases.GetProperty("added").EnumerateArray().Select(id => id.GetString()), Is.EqualTo(new[] { NewCase }));
            Assert.That(cases.GetProperty("removed").EnumerateArray(), Is.Empty);
            Assert.That(cases.GetProperty("changed").EnumerateArray(), Is.Empty);
        });

        // 4. The main job passes the new case through the NSwag client, the Kiota client and the facade.
        var conformance = await CliTool.RunAsync(["conformance", "--provider", "wazzup-v3", "-o", "json"], null, repository.Root);
        var junit = XDocument.Load(conformance.Json().GetProperty("reports").GetProperty("junit").GetString()!);
        var newCases = junit.Descendants("testcase").Where(testCase => ((string?)testCase.Attribute("name"))?.StartsWith(NewCase, StringComparison.Ordinal) == true).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(conformance.ExitCode, Is.EqualTo(0), conformance.ToString());
            Assert.That(newCases, Has.Count.EqualTo(3), "one case per target");
            Assert.That(newCases.Where(testCase => testCase.Elements("failure").Any()), Is.Empty);
        });
    }

    [Test]
    public void The_README_walks_through_these_commands()
    {
        var readme = File.ReadAllText(Path.Combine(CliTool.RepositoryRoot, "README.md"));

        Assert.Multiple(() =>
        {
            Assert.That(readme, Does.Contain("## When a provider changes its docs"));
            Assert.That(readme, Does.Contain("-- docs check --provider wazzup-v3 --page "));
            Assert.That(readme, Does.Contain("dotnet run --project src/ContactsSpec.Regeneration -- --provider wazzup-v3"));
            Assert.That(readme, Does.Contain("-- conformance --provider wazzup-v3"));
            Assert.That(readme, Does.Contain(NewCase));
        });
    }

    private static Task<CliRun> CheckAsync(RepositoryCopy repository, string page) =>
        CliTool.RunAsync(["docs", "check", "--provider", "wazzup-v3", "--page", page, "-o", "json"], null, repository.Root);

    private static Dictionary<string, string> Fingerprints(CliRun run) =>
        run.Json().GetProperty("sections").EnumerateArray()
            .ToDictionary(section => section.GetProperty("section").GetString()!, section => section.GetProperty("current").GetString()!);

    // The maintainer's edit: the fingerprint line under the section's x-source set to the value docs check printed.
    private static string WithFingerprint(string yaml, string section, string fingerprint) =>
        FingerprintLine().Replace(yaml, match => match.Groups["section"].Value == section ? $"{match.Groups["head"].Value}'{fingerprint}'" : match.Value);

    [GeneratedRegex(@"(?<head>section: (?<section>[^\n]+)\n\s+fingerprint: )'sha256:[0-9a-f]+'")]
    private static partial Regex FingerprintLine();
}
