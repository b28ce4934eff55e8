namespace ContactsSpec.Specs;

/// <summary>
/// One <c>x-source</c>: the public page and section a part of the spec was written from, and the fingerprint of that
/// section's text when it was (specs/README.md, rule 2).
/// </summary>
/// <param name="Page">The public page's address.</param>
/// <param name="Section">The section's heading; several headings of the page as <c>A / B</c>.</param>
/// <param name="Fingerprint">The fingerprint of the section's text the spec was written from, or null where none is recorded.</param>
/// <param name="Location">Where the citation sits in the document, as a JSON pointer (<c>/paths/~1v3~1contacts/post</c>).</param>
/// <param name="Operations">The operationIds of the operations it covers: its own operation's, or those that use the shared part it sits on.</param>
public sealed record SourceCitation(string Page, string Section, string? Fingerprint, string Location, IReadOnlyList<string> Operations)
{
    /// <summary>The separator of several headings in <see cref="Section"/>.</summary>
    public const string HeadingSeparator = " / ";

    /// <summary>The headings <see cref="Section"/> names, in order.</summary>
    public IReadOnlyList<string> Headings => Section.Split(HeadingSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
