using System.Net;
using System.Text;

namespace ContactsSpec.Cli.Tests.Support;

/// <summary>
/// Documentation pages as a maintainer saves them, written by the tests in their own words: no provider text.
/// The Wazzup v3 contacts page has the five headings the spec cites; its bodies are the tests'.
/// </summary>
internal static class SavedPage
{
    public const string WazzupV3ContactsPage = "https://wazzup24.com/help/api-en/working-with-contacts/";
    public const string Upsert = "Adding and updating the contact list";
    public const string NewSection = "Merging contacts";
    public const string NewError = "CONTACT_ID_TAKEN";

    /// <summary>The Wazzup v3 contacts page: sections under <c>h2</c>, the errors of the first under an <c>h3</c>.</summary>
    public static IReadOnlyList<(string Heading, string Body)> WazzupV3Sections(bool newError = false, bool newSection = false)
    {
        var errors = new List<(string, string)> { ("INVALID_CONTACTS_DATA", "a contact is not valid"), ("TOO_MACH_ENTITIES", "more than 100 contacts") };
        if (newError)
        {
            errors.Add((NewError, "another contact has this id"));
        }

        var sections = new List<(string, string)>
        {
            (Upsert, $"<p>Send up to <b>100</b> contacts in one POST to /v3/contacts.</p><h3>Errors</h3>{Table(errors)}"),
            ("Obtaining the contact list", "<p>A GET of /v3/contacts returns up to 100 contacts from an offset.</p>"),
            ("Getting information about an individual contact", "<p>A GET of /v3/contacts/{id} returns one contact.</p>"),
            ("Deleting a contact", "<p>A DELETE of /v3/contacts/{id} removes one contact.</p>"),
            ("Deleting multiple contacts", "<p>A PATCH of /v3/contacts/bulk_delete removes the contacts listed.</p>"),
        };
        if (newSection)
        {
            sections.Add((NewSection, "<p>A POST to /v3/contacts/merge joins two contacts into one.</p>"));
        }

        return sections;
    }

    /// <summary>An HTML page with navigation and a footer around its sections.</summary>
    public static string Html(IEnumerable<(string Heading, string Body)> sections, string footer = "Updated in November")
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>Contacts</title><style>h2 { color: teal }</style></head><body>");
        html.Append("<nav><a href=\"/\">Home</a> <a href=\"/api\">API</a></nav><h1>Working with contacts</h1>");
        foreach (var (heading, body) in sections)
        {
            html.Append("\n<h2>").Append(WebUtility.HtmlEncode(heading)).Append("</h2>\n").Append(body);
        }

        return html.Append("<footer>").Append(WebUtility.HtmlEncode(footer)).Append("</footer></body></html>").ToString();
    }

    /// <summary>The same page as plain text: headings on lines of their own, tables with bars, markup gone.</summary>
    public static string Text(IEnumerable<(string Heading, string Body)> sections)
    {
        var text = new StringBuilder("Working with contacts\n");
        foreach (var (heading, body) in sections)
        {
            text.Append(heading).Append('\n').Append(body
                .Replace("<h3>", "\n", StringComparison.Ordinal).Replace("</h3>", "\n", StringComparison.Ordinal)
                .Replace("<tr>", "\n| ", StringComparison.Ordinal).Replace("</td>", " | ", StringComparison.Ordinal).Replace("</th>", " | ", StringComparison.Ordinal)
                .Replace("<p>", string.Empty, StringComparison.Ordinal).Replace("</p>", "\n", StringComparison.Ordinal)
                .Replace("<b>", string.Empty, StringComparison.Ordinal).Replace("</b>", string.Empty, StringComparison.Ordinal)
                .Replace("<table>", string.Empty, StringComparison.Ordinal).Replace("</table>", "\n", StringComparison.Ordinal)
                .Replace("</tr>", string.Empty, StringComparison.Ordinal).Replace("<td>", string.Empty, StringComparison.Ordinal).Replace("<th>", string.Empty, StringComparison.Ordinal))
                .Append('\n');
        }

        return text.ToString();
    }

    private static string Table(IEnumerable<(string Code, string Meaning)> rows) =>
        "<table><tr><th>Code</th><th>Meaning</th></tr>" + string.Concat(rows.Select(row => $"<tr><td>{row.Code}</td><td>{row.Meaning}</td></tr>")) + "</table>";
}
