namespace ContactsSpec.Cli.Contacts;

/// <summary>A contact in JSON output: the domain model's fields in camelCase; unset fields left out, channels and groups always arrays.</summary>
internal sealed record ContactDocument
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Web { get; init; }

    public string? Notes { get; init; }

    public string? ResponsibleUserId { get; init; }

    public required IReadOnlyList<ChannelDocument> Channels { get; init; }

    public required IReadOnlyList<string> Groups { get; init; }

    public static ContactDocument From(Contact contact) => new()
    {
        Id = contact.Id,
        Name = contact.Name,
        FirstName = contact.FirstName,
        LastName = contact.LastName,
        Phone = contact.Phone,
        Email = contact.Email,
        Web = contact.Web,
        Notes = contact.Notes,
        ResponsibleUserId = contact.ResponsibleUserId,
        Channels = [.. contact.Channels.Select(channel => new ChannelDocument(channel.ChatType.Value, channel.ChatId, channel.Username, channel.Phone))],
        Groups = contact.Groups,
    };
}

/// <summary>A messenger account in JSON output.</summary>
internal sealed record ChannelDocument(string ChatType, string ChatId, string? Username, string? Phone);

/// <summary><c>contacts upsert --output json</c>; <c>id</c> is null where the provider does not say (WaSMS assigns ids it does not return).</summary>
internal sealed record UpsertDocument(
    string Provider,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? Id,
    ContactWriteOutcome Outcome,
    IReadOnlyList<ContactField> NotStored);

/// <summary><c>contacts list --output json</c> and <c>contacts groups list --output json</c>.</summary>
internal sealed record ListDocument<T>(string Provider, int Count, IReadOnlyList<T> Items);

/// <summary><c>contacts groups list</c> item.</summary>
internal sealed record GroupDocument(string Id, string Name);

/// <summary>A per-item result of a batch: <c>contacts delete</c> with several ids.</summary>
internal sealed record BatchItemDocument(int Index, string? Key, ContactBatchItemStatus Status, Output.ErrorBody? Error);

/// <summary><c>contacts delete --output json</c>.</summary>
internal sealed record DeleteDocument(string Provider, IReadOnlyList<string> Deleted, IReadOnlyList<BatchItemDocument> Failed);

/// <summary><c>contacts groups create|delete --output json</c>.</summary>
internal sealed record GroupChangeDocument(string Provider, string Action, string Group);
