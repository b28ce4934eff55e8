using ContactsSpec.Specs;

namespace ContactsSpec.Cli.Docs;

/// <summary>Compares a saved documentation page with the sections a provider's spec cites from it.</summary>
internal static class DocsCheck
{
    /// <param name="spec">The provider's spec.</param>
    /// <param name="file">The saved page.</param>
    /// <param name="url">The public page <paramref name="file"/> is a copy of, or null to tell it by the page's own address or by its headings.</param>
    /// <exception cref="CliException">
    /// <paramref name="url"/> is no page the spec cites (exit code 2); the file has no section the spec cites, so it is another provider's page, or
    /// it fits several cited pages alike (exit code 3).
    /// </exception>
    public static DocsCheckReport Run(ProviderSpec spec, string file, string? url)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var citations = SourceCitations.Of(spec);
        var pages = citations.GroupBy(citation => citation.Page, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        if (url is not null && !pages.ContainsKey(url))
        {
            throw CliException.Usage($"--url {url} is no page the {spec.Key} spec cites; it cites {string.Join(", ", pages.Keys)}.");
        }

        var page = DocsPage.Read(file, [.. citations.SelectMany(citation => citation.Headings).Distinct(StringComparer.Ordinal)]);
        var address = url ?? (page.Address is { } own && pages.ContainsKey(own) ? own : ByHeadings(spec, file, page, pages));
        var cited = pages[address];

        var sections = cited.GroupBy(citation => citation.Section, StringComparer.Ordinal).Select(group =>
        {
            var headings = group.First().Headings;
            var texts = headings.Select(heading => (Heading: heading, Text: page.TextOf(heading))).ToList();
            var missing = texts.Where(text => text.Text is null).Select(text => text.Heading).ToList();
            var current = missing.Count > 0 ? null : SectionFingerprint.Of(string.Join(' ', texts.Select(text => text.Text)));
            var recorded = group.Select(citation => citation.Fingerprint).FirstOrDefault(fingerprint => fingerprint is not null);
            var status = missing.Count > 0 ? CitedSectionStatus.Missing
                : recorded is null ? CitedSectionStatus.Unrecorded
                : recorded == current ? CitedSectionStatus.Unchanged
                : CitedSectionStatus.Changed;
            return new CitedSectionResult(
                group.Key, status, recorded, current, [.. group.SelectMany(citation => citation.Operations).Distinct(StringComparer.Ordinal)], missing);
        }).ToList();

        // New: a heading at a level the cited ones have, that no citation of the provider names.
        var citedHeadings = citations.SelectMany(citation => citation.Headings).ToList();
        var levels = page.Sections.Where(section => citedHeadings.Any(heading => DocsPage.SameHeading(section.Heading, heading))).Select(section => section.Level).ToHashSet();
        var fresh = page.Sections
            .Where(section => levels.Contains(section.Level) && !citedHeadings.Any(heading => DocsPage.SameHeading(section.Heading, heading)))
            .GroupBy(section => section.Heading, StringComparer.OrdinalIgnoreCase)
            .Select(group => new NewSection(group.First().Heading, SectionFingerprint.Of(page.TextOf(group.Key)!)))
            .ToList();
        return new DocsCheckReport(spec.Key, address, Path.GetFullPath(file), page.Format, sections, fresh);
    }

    // The cited page whose headings the file has most of; pages of one provider may share headings (WAMM's do).
    private static string ByHeadings(ProviderSpec spec, string file, DocsPage page, Dictionary<string, List<SourceCitation>> pages)
    {
        var found = pages.Select(entry => (Address: entry.Key, Found: entry.Value.SelectMany(citation => citation.Headings).Distinct().Count(heading => page.TextOf(heading) is not null)))
            .Where(candidate => candidate.Found > 0)
            .OrderByDescending(candidate => candidate.Found)
            .ToList();
        if (found.Count == 0)
        {
            throw CliException.InvalidInput(
                $"--page {file} has none of the sections the {spec.Key} spec cites ({string.Join("; ", pages.Values.SelectMany(citations => citations).Select(citation => citation.Section).Distinct().Take(5))}): is it a page of another provider?");
        }

        var alike = found.TakeWhile(candidate => candidate.Found == found[0].Found).Select(candidate => candidate.Address).ToList();
        return alike.Count == 1
            ? alike[0]
            : throw CliException.InvalidInput($"--page {file} fits {alike.Count} pages the {spec.Key} spec cites alike ({string.Join(", ", alike)}); name the one it is with --url.");
    }
}
