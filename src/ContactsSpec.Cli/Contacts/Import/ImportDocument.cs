using ContactsSpec.Cli.Output;

namespace ContactsSpec.Cli.Contacts.Import;

/// <summary><c>contacts import --output json</c>.</summary>
internal sealed record ImportDocument
{
    public required string Provider { get; init; }

    public required string File { get; init; }

    public required ImportFormat Format { get; init; }

    public required bool ValidateOnly { get; init; }

    /// <summary>Rows read (blank lines are not rows).</summary>
    public required int Rows { get; init; }

    /// <summary>Rows that passed reading and validation.</summary>
    public required int Valid { get; init; }

    /// <summary>Rows rejected before sending (unreadable, or invalid for the provider).</summary>
    public required int Invalid { get; init; }

    public required int Sent { get; init; }

    public required int Succeeded { get; init; }

    /// <summary>Rows the provider refused, or that were not sent after a failure every later row would repeat.</summary>
    public required int Failed { get; init; }

    /// <summary>Rows sent whose outcome is unknown: the provider may or may not have written them.</summary>
    public required int OutcomeUnknown { get; init; }

    /// <summary>The file holding <see cref="Rejected"/>; null when no row was rejected (nothing is written then).</summary>
    public required string? RejectedFile { get; init; }

    /// <summary>The file holding <see cref="OutcomeUnknownRows"/>; null when there are none.</summary>
    public required string? OutcomeUnknownFile { get; init; }

    /// <summary>Every row certainly not imported, with its reason.</summary>
    public required IReadOnlyList<ImportProblem> Rejected { get; init; }

    /// <summary>Every row whose outcome is unknown, with the failure: check each before sending it again.</summary>
    public required IReadOnlyList<ImportProblem> OutcomeUnknownRows { get; init; }
}

/// <summary>One row not imported.</summary>
internal sealed record ImportProblem(int Line, string? Key, string Stage, string Reason, ErrorBody? Error);
