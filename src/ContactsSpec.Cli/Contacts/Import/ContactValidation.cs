namespace ContactsSpec.Cli.Contacts.Import;

/// <summary>
/// Validates contacts with the facade's own rules (the spec's constraints, unsupported fields, duplicate ids in a
/// batch) without sending anything: <see cref="ContactsClient.Validate"/> runs the checks UpsertManyAsync runs
/// before its first request.
/// </summary>
internal static class ContactValidation
{
    /// <summary>The problems of each invalid item, by its index in <paramref name="contacts"/>.</summary>
    public static IReadOnlyDictionary<int, string> Validate(ProviderConnection connection, IReadOnlyList<Contact> contacts)
    {
        using var client = new ContactsClient(connection.CreateOptions());
        return client.Validate(contacts)
            .GroupBy(field => field.Index)
            .ToDictionary(item => item.Key, item => string.Join("; ", item.Select(field => $"{field.Field}: {field.Message}")));
    }
}
