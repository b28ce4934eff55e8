namespace ContactsSpec.Cli.Docs;

/// <summary>One section of a saved documentation page: its heading, the heading's level (1 for a top heading) and its text.</summary>
/// <param name="Heading">The heading as the page writes it.</param>
/// <param name="Level">1 to 6: an HTML heading's, a Markdown heading's number of <c>#</c>; 2 for a cited heading found in plain text.</param>
/// <param name="Text">Everything under the heading up to the next heading of its level or above, sub-sections included.</param>
internal sealed record PageSection(string Heading, int Level, string Text);
