namespace ContactsSpec.Cli.Docs;

/// <summary>What <c>docs check</c> found on one saved page (also its JSON output).</summary>
/// <param name="Provider">The provider key.</param>
/// <param name="Page">The public page the saved file is a copy of (the one its headings match).</param>
/// <param name="File">The saved file.</param>
/// <param name="Format"><c>html</c> or <c>text</c>.</param>
/// <param name="Sections">Each section of that page the spec cites.</param>
/// <param name="NewSections">Headings of the page's cited level that no <c>x-source</c> of the provider cites.</param>
internal sealed record DocsCheckReport(
    string Provider, string Page, string File, string Format, IReadOnlyList<CitedSectionResult> Sections, IReadOnlyList<NewSection> NewSections)
{
    /// <summary>Whether a cited section changed, disappeared or has no fingerprint recorded: the spec needs a look.</summary>
    public bool CitedChanged => Sections.Any(section => section.Status != CitedSectionStatus.Unchanged);
}

/// <summary>One cited section of the page.</summary>
/// <param name="Section">The section as <c>x-source</c> names it.</param>
/// <param name="Status">What became of it.</param>
/// <param name="Recorded">The fingerprint the spec records, or null.</param>
/// <param name="Current">The fingerprint of its text on the saved page; null where a heading is missing.</param>
/// <param name="Operations">The operations that cite it.</param>
/// <param name="MissingHeadings">The headings it names that the page lacks.</param>
internal sealed record CitedSectionResult(
    string Section, CitedSectionStatus Status, string? Recorded, string? Current, IReadOnlyList<string> Operations, IReadOnlyList<string> MissingHeadings);

/// <summary>A section of the page no operation cites: a new route, a new error list, a renamed heading.</summary>
/// <param name="Heading">Its heading.</param>
/// <param name="Fingerprint">The fingerprint of its text, to record once an operation cites it.</param>
internal sealed record NewSection(string Heading, string Fingerprint);
