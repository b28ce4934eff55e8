namespace ContactsSpec.Cli.Docs;

/// <summary>What became of a section a spec cites.</summary>
internal enum CitedSectionStatus
{
    /// <summary>Its text has the fingerprint the spec records.</summary>
    Unchanged,

    /// <summary>Its text changed since the spec was written from it.</summary>
    Changed,

    /// <summary>The page has no such heading any more.</summary>
    Missing,

    /// <summary>The spec records no fingerprint for it: it was not written from this section's text. Check the spec against it, then record the current one.</summary>
    Unrecorded,
}
