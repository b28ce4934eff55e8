using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ContactsSpec.Cli.Docs;

/// <summary>
/// A documentation page a maintainer saved (HTML, or plain text), split into sections by its headings. In HTML the
/// headings are the page's <c>h1</c>–<c>h6</c>; navigation, footers, sidebars and scripts are left out. Plain text has
/// lost that structure, so there a heading is a Markdown heading (<c>## Title</c>), or a cited heading found at the
/// start or the end of a line (text saved from a browser often runs a heading into the line beside it).
/// </summary>
/// <remarks>
/// A site's <c>header</c> is kept: it comes before the first heading, so its text belongs to no section, and an
/// article may wrap its own headings in one. Its footer, navigation and sidebars are left out, since they would
/// otherwise run into the last section.
/// </remarks>
internal sealed partial class DocsPage
{
    // The level of a cited heading found in plain text: below a page title, like the sections an HTML page cites.
    private const int PlainHeadingLevel = 2;

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "head",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "form", "hr", "li", "main",
        "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    private DocsPage(string format, IReadOnlyList<PageSection> sections, string? address = null)
    {
        Format = format;
        Sections = sections;
        Address = address;
    }

    /// <summary><c>html</c> or <c>text</c>.</summary>
    public string Format { get; }

    /// <summary>The page's own address, where an HTML page states it (<c>link rel="canonical"</c>, <c>og:url</c>); else null.</summary>
    public string? Address { get; }

    /// <summary>The sections in page order; a heading that appears twice gives two.</summary>
    public IReadOnlyList<PageSection> Sections { get; }

    /// <summary>Reads the page at <paramref name="path"/>; <paramref name="citedHeadings"/> are the headings to look for in plain text.</summary>
    /// <exception cref="CliException">The file cannot be read, is empty, or is not text or HTML (exit code 3).</exception>
    public static DocsPage Read(string path, IReadOnlyCollection<string> citedHeadings)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw CliException.InvalidInput($"--page {path} cannot be read: {error.Message}");
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw CliException.InvalidInput($"--page {path} is not text or HTML: it holds binary data. Save the page from the browser as HTML or as text.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw CliException.InvalidInput($"--page {path} is not text or HTML: it is not UTF-8. Save the page from the browser as HTML or as text (UTF-8).");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw CliException.InvalidInput($"--page {path} is empty.");
        }

        return text.TrimStart().StartsWith('<') && HtmlMarkup().IsMatch(text)
            ? FromHtml(text)
            : new DocsPage("text", Split(TextEvents(text, citedHeadings)));
    }

    /// <summary>The text under every heading of the page that is <paramref name="heading"/>, joined; null when none is.</summary>
    public string? TextOf(string heading)
    {
        var matching = Sections.Where(section => SameHeading(section.Heading, heading)).Select(section => section.Text).ToList();
        return matching.Count == 0 ? null : string.Join(' ', matching);
    }

    /// <summary>Whether two headings are the same: whitespace, letter case and a trailing colon aside.</summary>
    public static bool SameHeading(string left, string right) =>
        string.Equals(HeadingKey(left), HeadingKey(right), StringComparison.OrdinalIgnoreCase);

    private static string HeadingKey(string heading) => SectionFingerprint.Normalize(heading).TrimEnd(':', ' ');

    // A heading (Level 1-6) or a run of text (Level 0), in page order.
    private static List<PageSection> Split(IEnumerable<(int Level, string Text)> events)
    {
        var sections = new List<(string Heading, int Level, StringBuilder Text)>();
        var open = new List<int>();
        foreach (var (level, text) in events)
        {
            if (level == 0)
            {
                open.ForEach(index => sections[index].Text.Append(text));
                continue;
            }

            open.RemoveAll(index => sections[index].Level >= level);
            open.ForEach(index => sections[index].Text.Append(' ').Append(text).Append(' '));
            sections.Add((SectionFingerprint.Normalize(text), level, new StringBuilder()));
            open.Add(sections.Count - 1);
        }

        return [.. sections.Where(section => section.Heading.Length > 0).Select(section => new PageSection(section.Heading, section.Level, section.Text.ToString()))];
    }

    private static DocsPage FromHtml(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var events = new List<(int, string)>();
        Walk(document.Body ?? (INode)document.DocumentElement, events);
        var address = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")
            ?? document.QuerySelector("meta[property='og:url']")?.GetAttribute("content");
        return new DocsPage("html", Split(events), address);
    }

    private static void Walk(INode node, List<(int Level, string Text)> events)
    {
        if (node is IText text)
        {
            events.Add((0, text.Data));
            return;
        }

        if (node is not IElement element || Skipped.Contains(element.LocalName))
        {
            return;
        }

        if (element.LocalName is ['h' or 'H', >= '1' and <= '6'] name)
        {
            events.Add((name[1] - '0', element.TextContent));
            return;
        }

        var block = Blocks.Contains(element.LocalName);
        if (block)
        {
            events.Add((0, " "));
        }

        foreach (var child in element.ChildNodes)
        {
            Walk(child, events);
        }

        if (block)
        {
            events.Add((0, " "));
        }
    }

    private static List<(int Level, string Text)> TextEvents(string text, IReadOnlyCollection<string> citedHeadings)
    {
        var headings = citedHeadings.Select(SectionFingerprint.Normalize).Where(heading => heading.Length > 0)
            .OrderByDescending(heading => heading.Length).ToList();
        var events = new List<(int, string)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = SectionFingerprint.Normalize(raw);
            if (MarkdownHeading().Match(raw) is { Success: true } markdown)
            {
                events.Add((markdown.Groups[1].Length, markdown.Groups[2].Value));
            }
            else if (headings.FirstOrDefault(heading => line.StartsWith(heading, StringComparison.OrdinalIgnoreCase)) is { } start)
            {
                events.Add((PlainHeadingLevel, line[..start.Length]));
                events.Add((0, line[start.Length..]));
            }
            else if (headings.FirstOrDefault(heading => line.Length > heading.Length && line.EndsWith(heading, StringComparison.OrdinalIgnoreCase)) is { } end)
            {
                events.Add((0, line[..^end.Length]));
                events.Add((PlainHeadingLevel, line[^end.Length..]));
            }
            else
            {
                events.Add((0, raw));
            }

            events.Add((0, "\n"));
        }

        return events;
    }

    [GeneratedRegex(@"<(html|body|h[1-6]|p|div|table)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlMarkup();

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownHeading();
}
