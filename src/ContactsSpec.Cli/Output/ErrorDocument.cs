using System.Text.Json.Serialization;

namespace ContactsSpec.Cli.Output;

/// <summary>The JSON error: <c>{"error":{"kind":"...","code":"...","status":...,"message":"..."}}</c>.</summary>
internal sealed record ErrorDocument(ErrorBody Error);

/// <summary>The error's fields; <c>code</c> and <c>status</c> are always present, null when there is none.</summary>
internal sealed record ErrorBody
{
    /// <summary>A <see cref="ContactsErrorKind"/> name, or Usage, Failure, Cancelled.</summary>
    public required string Kind { get; init; }

    /// <summary>The provider's code verbatim, or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Code { get; init; }

    /// <summary>The provider's HTTP status, or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? Status { get; init; }

    public required string Message { get; init; }

    public string? Provider { get; init; }

    public string? Operation { get; init; }

    public bool? Retryable { get; init; }

    public double? RetryAfterSeconds { get; init; }

    public IReadOnlyList<FieldErrorDocument>? FieldErrors { get; init; }

    public int ExitCode { get; init; }
}

/// <summary>One field error of one item.</summary>
internal sealed record FieldErrorDocument(int Index, string Field, string Message);
