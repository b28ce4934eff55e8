using ContactsSpec.Cli.Tests.Support;

namespace ContactsSpec.Cli.Tests;

/// <summary>
/// <c>docs check</c> on pages the tests write themselves, against the specs in this checkout: how a page splits into
/// sections, what counts as a change, and the clear error for a page it cannot use.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class DocsCheckTests
{
    [Test]
    public async Task The_same_words_give_the_same_fingerprints_in_HTML_and_in_plain_text_whatever_the_footer()
    {
        using var folder = new TemporaryFolder();
        var sections = SavedPage.WazzupV3Sections();
        var page = SavedPage.Html(sections);

        var html = Fingerprints(await CheckAsync(folder.File("page.html", page)));
        var otherFooter = Fingerprints(await CheckAsync(folder.File("again.html", SavedPage.Html(sections, footer: "Updated in December"))));
        var wrapped = Fingerprints(await CheckAsync(folder.File("wrapped.html",
            page.Replace("<h2>", "<header><h2>", StringComparison.Ordinal).Replace("</h2>", "</h2></header>", StringComparison.Ordinal))));
        var text = Fingerprints(await CheckAsync(folder.File("page.txt", SavedPage.Text(sections))));

        Assert.Multiple(() =>
        {
            Assert.That(html.Keys, Is.EquivalentTo(sections.Select(section => section.Heading)), "every cited section of the page is found");
            Assert.That(otherFooter, Is.EqualTo(html), "navigation and footer are not sections' text");
            Assert.That(wrapped, Is.EqualTo(html), "a heading wrapped in a header element is still a heading");
            Assert.That(text, Is.EqualTo(html), "plain text with table bars reads as the HTML does");
        });
    }

    [Test]
    public async Task A_changed_section_names_its_operations_a_new_one_is_listed_and_a_missing_one_is_reported()
    {
        using var folder = new TemporaryFolder();
        var before = Fingerprints(await CheckAsync(folder.File("before.html", SavedPage.Html(SavedPage.WazzupV3Sections()))));
        var changed = SavedPage.WazzupV3Sections(newError: true, newSection: true).Where(section => section.Heading != "Deleting a contact");

        var run = await CheckAsync(folder.File("after.html", SavedPage.Html(changed)));

        var sections = run.Json().GetProperty("sections").EnumerateArray().ToDictionary(section => section.GetProperty("section").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(run.Json().GetProperty("page").GetString(), Is.EqualTo(SavedPage.WazzupV3ContactsPage));
            Assert.That(sections[SavedPage.Upsert].GetProperty("current").GetString(), Is.Not.EqualTo(before[SavedPage.Upsert]), "a new row in the error list changes the section");
            Assert.That(sections[SavedPage.Upsert].GetProperty("operations").EnumerateArray().Select(operation => operation.GetString()), Is.EqualTo(new[] { "upsertContacts" }));
            Assert.That(sections["Obtaining the contact list"].GetProperty("current").GetString(), Is.EqualTo(before["Obtaining the contact list"]), "the other sections keep theirs");
            Assert.That(sections["Deleting a contact"].GetProperty("status").GetString(), Is.EqualTo("missing"));
            Assert.That(sections["Deleting a contact"].GetProperty("operations").EnumerateArray().Select(operation => operation.GetString()), Is.EqualTo(new[] { "deleteContact" }));
            Assert.That(run.Json().GetProperty("newSections").EnumerateArray().Select(section => section.GetProperty("heading").GetString()),
                Is.EqualTo(new[] { SavedPage.NewSection }), "a new h2, not the h3 sub-headings");
        });
    }

    [Test]
    public async Task Shared_responses_cite_sections_for_every_operation_that_uses_them()
    {
        using var folder = new TemporaryFolder();
        var page = folder.File("errors.html", SavedPage.Html([("Common errors", "<p>Every route may answer 401, 403, 429 or 500.</p>")]));

        var run = await CheckAsync(page);

        var section = run.Json().GetProperty("sections").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(run.Json().GetProperty("page").GetString(), Is.EqualTo("https://wazzup24.com/help/api-en/common-errors/"));
            Assert.That(section.GetProperty("status").GetString(), Is.EqualTo("unrecorded"), "the spec was not written from this section's text");
            Assert.That(section.GetProperty("operations").EnumerateArray().Select(operation => operation.GetString()),
                Is.EquivalentTo(new[] { "upsertContacts", "listContacts", "getContact", "deleteContact", "bulkDeleteContacts" }));
            Assert.That(run.ExitCode, Is.EqualTo(1), "a section without a fingerprint needs a look");
        });
    }

    [Test]
    public async Task Plain_text_finds_a_cited_heading_run_into_the_line_beside_it()
    {
        using var folder = new TemporaryFolder();
        var page = folder.File("contact_to.txt", "Adds a contact.\nGET /api2/contact_to/{token}/ Request Parameters\n| phone | string |\nSuccess Response\n{\"err\":0} Possible Errors\n| token fail |\n");

        var run = await CliTool.RunAsync("docs", "check", "-p", "wamm", "--page", page, "--url", "https://1mhub.ru/en/help/dobavlenie-i-obnovlenie-kontakov", "-o", "json");

        var section = run.Json().GetProperty("sections").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(section.GetProperty("section").GetString(), Is.EqualTo("Request Parameters / Success Response / Possible Errors"));
            Assert.That(section.GetProperty("missingHeadings").EnumerateArray(), Is.Empty, "all three headings found");
            Assert.That(section.GetProperty("status").GetString(), Is.EqualTo("changed"), "the tests' words are not the page's");
        });
    }

    [TestCase("empty", "", "is empty", TestName = "An empty page")]
    [TestCase("binary", "%PDF-1.7\0\u0001binary", "not text or HTML", TestName = "A page that is not text or HTML")]
    [TestCase("other", "<html><body><h2>1. Contacts - Create Contact</h2><p>POST /api/create/contact</p></body></html>", "another provider", TestName = "A page of another provider")]
    public async Task A_page_it_cannot_use_is_invalid_input_with_a_clear_message(string name, string content, string message)
    {
        using var folder = new TemporaryFolder();

        var run = await CheckAsync(folder.File($"{name}.html", content));

        AssertError(run, 3, "InvalidInput", message);
    }

    [Test]
    public async Task A_page_file_that_does_not_exist_is_invalid_input()
    {
        using var folder = new TemporaryFolder();

        AssertError(await CheckAsync(Path.Combine(folder.Path, "missing.html")), 3, "InvalidInput", "cannot be read");
    }

    [Test]
    public async Task An_unknown_provider_or_a_page_the_spec_does_not_cite_is_a_usage_error()
    {
        using var folder = new TemporaryFolder();
        var page = folder.File("page.html", SavedPage.Html(SavedPage.WazzupV3Sections()));

        var unknown = await CliTool.RunAsync("docs", "check", "-p", "acme", "--page", page, "-o", "json");
        var uncited = await CliTool.RunAsync("docs", "check", "-p", "wazzup-v3", "--page", page, "--url", "https://example.com/other", "-o", "json");

        Assert.Multiple(() =>
        {
            AssertError(unknown, 2, "Usage", "Unknown provider 'acme'");
            AssertError(uncited, 2, "Usage", "is no page the wazzup-v3 spec cites");
        });
    }

    [Test]
    public async Task Pages_that_share_their_headings_need_url()
    {
        using var folder = new TemporaryFolder();
        var page = folder.File("wamm.html", "<html><body><h2>Request Parameters</h2><p>phone</p><h2>Success Response</h2><p>{}</p><h2>Possible Errors</h2><p>token fail</p></body></html>");

        var run = await CliTool.RunAsync("docs", "check", "-p", "wamm", "--page", page, "-o", "json");

        AssertError(run, 3, "InvalidInput", "name the one it is with --url");
    }

    private static Task<CliRun> CheckAsync(string page) => CliTool.RunAsync("docs", "check", "-p", "wazzup-v3", "--page", page, "-o", "json");

    private static Dictionary<string, string> Fingerprints(CliRun run) =>
        run.Json().GetProperty("sections").EnumerateArray()
            .ToDictionary(section => section.GetProperty("section").GetString()!, section => section.GetProperty("current").GetString()!);

    private static void AssertError(CliRun run, int exitCode, string kind, string message)
    {
        var error = run.Json().GetProperty("error");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.ToString());
            Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo(kind));
            Assert.That(error.GetProperty("message").GetString(), Does.Contain(message));
        });
    }
}
