namespace ContactsSpec;

/// <summary>What a provider supports and its limits, from its spec.</summary>
public sealed record ContactsCapabilities
{
    /// <summary>The provider key (<c>wamm</c>, <c>wawp</c>, <c>wasms</c>, <c>wazzup-v2</c>, <c>wazzup-v3</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>The supported operations.</summary>
    public required ContactsOperations Operations { get; init; }

    /// <summary>The fields the provider stores; others are rejected or reported, per <see cref="ContactsClientOptions.UnsupportedFields"/>.</summary>
    public required IReadOnlySet<ContactField> StoredFields { get; init; }

    /// <summary>Contacts per upsert request for providers with a batch endpoint; null where single calls are fanned out.</summary>
    public int? MaxUpsertBatchSize { get; init; }

    /// <summary>Ids per delete request for providers with a batch endpoint; null where single calls are fanned out.</summary>
    public int? MaxDeleteBatchSize { get; init; }

    /// <summary>Contacts per list page.</summary>
    public int? ListPageSize { get; init; }

    /// <summary>
    /// Whether sending the same upsert twice leaves the same state. When false (WaSMS creates a new contact),
    /// an upsert is never retried after a failure that may have reached the provider.
    /// </summary>
    public required bool IdempotentUpsert { get; init; }

    /// <summary>Whether the provider supports all of <paramref name="operations"/>.</summary>
    public bool Supports(ContactsOperations operations) => (Operations & operations) == operations;

    // The record's own printer would show the set's type name, not its fields.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        builder.Append(invariant, $"Provider = {Provider}, Operations = {Operations}, StoredFields = [{string.Join(", ", StoredFields.Order())}], ")
            .Append(invariant, $"MaxUpsertBatchSize = {MaxUpsertBatchSize}, MaxDeleteBatchSize = {MaxDeleteBatchSize}, ListPageSize = {ListPageSize}, IdempotentUpsert = {IdempotentUpsert}");
        return true;
    }
}
