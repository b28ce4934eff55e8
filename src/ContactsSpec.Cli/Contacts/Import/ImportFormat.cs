namespace ContactsSpec.Cli.Contacts.Import;

/// <summary>An import file's format.</summary>
internal enum ImportFormat
{
    /// <summary>CSV with a header row naming the domain model's fields.</summary>
    Csv,

    /// <summary>JSON lines: one contact object per line.</summary>
    Jsonl,
}
