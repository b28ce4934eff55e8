namespace ContactsSpec.Cli.Contacts.Import;

/// <summary>One row of an import file: where it came from, what it says, and (once known) why it was rejected.</summary>
internal sealed class ImportRow
{
    public ImportRow(int line, IReadOnlyList<string>? csvFields, string? jsonText)
    {
        Line = line;
        CsvFields = csvFields;
        JsonText = jsonText;
    }

    /// <summary>The line (CSV: the row, counting the header as 1) the row starts on.</summary>
    public int Line { get; }

    /// <summary>The CSV row's fields as read.</summary>
    public IReadOnlyList<string>? CsvFields { get; }

    /// <summary>The JSON line as read.</summary>
    public string? JsonText { get; }

    /// <summary>The contact, when the row could be read as one.</summary>
    public Contact? Contact { get; set; }

    /// <summary>
    /// Null while the row is fine; else the stage (<c>read</c>, <c>validation</c>, <c>provider</c>, or
    /// <see cref="UnknownStage"/> for a row sent whose outcome is not known) and the reason.
    /// </summary>
    public ImportRejection? Rejection { get; private set; }

    /// <summary>Whether the row was not imported, or may not have been.</summary>
    public bool IsRejected => Rejection is not null;

    /// <summary>Whether the row was sent to the provider (whatever came of it).</summary>
    public bool Sent { get; set; }

    /// <summary>Whether the row was sent but whether the provider wrote it is not known.</summary>
    public bool IsOutcomeUnknown => Rejection?.Stage == UnknownStage;

    /// <summary>The stage of a row whose outcome is unknown.</summary>
    public const string UnknownStage = "unknown";

    public void Reject(string stage, string reason, Output.ErrorBody? error = null) => Rejection ??= new ImportRejection(stage, reason, error);
}

/// <summary>Why a row was not imported.</summary>
internal sealed record ImportRejection(string Stage, string Reason, Output.ErrorBody? Error);
