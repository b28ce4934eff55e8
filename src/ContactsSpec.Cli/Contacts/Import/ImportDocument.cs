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

    /// <summary>Every row not imported, with its reason (also in <see cref="RejectedFile"/>).</summary>
    public required string RejectedFile { get; init; }

    public required IReadOnlyList<ImportProblem> Rejected { get; init; }
}

/// <summary>One row not imported.</summary>
internal sealed record ImportProblem(int Line, string? Key, string Stage, string Reason, ErrorBody? Error);
