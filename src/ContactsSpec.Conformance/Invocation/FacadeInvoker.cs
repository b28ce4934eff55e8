using System.Text.Json.Nodes;
using ContactsSpec.Specs;

namespace ContactsSpec.Conformance.Invocation;

/// <summary>
/// Drives the facade through each spec operation: builds the provider's options from the spec's example
/// credentials, turns the operation's request examples into domain input, and calls the facade operation that
/// sends that request. A few operations have no facade counterpart; <see cref="Unreachable"/> says which and why.
/// </summary>
public static class FacadeInvoker
{
    private delegate Task<object?> FacadeCall(ContactsClient client, SpecOperation operation, CancellationToken cancellationToken);

    private static readonly Dictionary<(string Provider, string OperationId), FacadeCall> Calls = new()
    {
        [("wamm", "contactTo")] = async (client, operation, token) => await client.UpsertAsync(WammContact(operation), token).ConfigureAwait(false),
        [("wamm", "contactGet")] = async (client, operation, token) => await client.GetAsync(Param(operation, "phone"), token).ConfigureAwait(false),
        [("wamm", "contactDelete")] = async (client, operation, token) => await Done(client.DeleteAsync(Param(operation, "phone"), token)).ConfigureAwait(false),
        // The facade assigns a responsible user with contact_to_user after writing the contact with contact_to.
        [("wamm", "contactToUser")] = async (client, operation, token) => await client.UpsertAsync(
            WammContact(Sibling(operation, "contactTo")) with { Phone = Param(operation, "phone"), ResponsibleUserId = Param(operation, "user_id") },
            token).ConfigureAwait(false),
        [("wawp", "upsertContact")] = async (client, operation, token) => await client.UpsertAsync(
            new Contact { Id = Param(operation, "chatId"), FirstName = (string?)Body(operation)["firstName"], LastName = (string?)Body(operation)["lastName"] },
            token).ConfigureAwait(false),
        [("wasms", "createContact")] = async (client, operation, token) => await client.UpsertAsync(
            new Contact { Phone = (string?)Body(operation)["phone"], Name = (string?)Body(operation)["name"], Groups = ((string?)Body(operation)["groups"] ?? string.Empty).Split(',') },
            token).ConfigureAwait(false),
        [("wasms", "createGroup")] = async (client, operation, token) => await Done(client.CreateGroupAsync((string)Body(operation)["name"]!, token)).ConfigureAwait(false),
        [("wasms", "deleteContact")] = async (client, operation, token) => await Done(client.DeleteAsync(Param(operation, "id"), token)).ConfigureAwait(false),
        [("wasms", "getContacts")] = async (client, _, token) => await ToListAsync(client.ListAsync(token)).ConfigureAwait(false),
        [("wasms", "getGroups")] = async (client, _, token) => await ToListAsync(client.ListGroupsAsync(token)).ConfigureAwait(false),
        [("wasms", "deleteGroup")] = async (client, operation, token) => await Done(client.DeleteGroupAsync(Param(operation, "id"), token)).ConfigureAwait(false),
        [("wazzup-v2", "listContacts")] = async (client, _, token) => await ToListAsync(client.ListAsync(token)).ConfigureAwait(false),
        [("wazzup-v2", "getContact")] = async (client, operation, token) => await client.GetAsync(Param(operation, "contact_id"), token).ConfigureAwait(false),
        [("wazzup-v2", "createContacts")] = async (client, operation, token) => await client.UpsertAsync(WazzupV2Contact(Body(operation)["contacts"]![0]!), token).ConfigureAwait(false),
        [("wazzup-v2", "updateContacts")] = async (client, operation, token) => await client.UpsertAsync(WazzupV2Contact(Body(operation)["contacts"]![0]!), token).ConfigureAwait(false),
        [("wazzup-v2", "deleteContacts")] = async (client, operation, token) => await Done(client.DeleteAsync((string)Body(operation)["contact_ids"]![0]!, token)).ConfigureAwait(false),
        [("wazzup-v3", "upsertContacts")] = async (client, operation, token) => await client.UpsertManyAsync(Body(operation).AsArray().Select(contact => WazzupV3Contact(contact!)), token).ConfigureAwait(false),
        [("wazzup-v3", "listContacts")] = async (client, _, token) => await ToListAsync(client.ListAsync(token)).ConfigureAwait(false),
        [("wazzup-v3", "getContact")] = async (client, operation, token) => await client.GetAsync(Param(operation, "contactId"), token).ConfigureAwait(false),
        [("wazzup-v3", "deleteContact")] = async (client, operation, token) => await Done(client.DeleteAsync(Param(operation, "contactId"), token)).ConfigureAwait(false),
        [("wazzup-v3", "bulkDeleteContacts")] = async (client, operation, token) => await client.DeleteManyAsync(Body(operation).AsArray().Select(id => (string)id!), token).ConfigureAwait(false),
    };

    /// <summary>Spec operations no facade call sends, with the reason; the suite asserts this list exactly (today: none).</summary>
    public static IReadOnlyDictionary<(string Provider, string OperationId), string> Unreachable { get; } = new Dictionary<(string, string), string>();

    // Requests a facade call sends before the operation's own, each answered with the named documented example.
    private static readonly Dictionary<(string Provider, string OperationId), (string OperationId, string Example)[]> Preceding = new()
    {
        [("wamm", "contactToUser")] = [("contactTo", "insert")],
    };

    // Options a facade call needs beyond the provider's defaults to send the operation's request.
    private static readonly Dictionary<(string Provider, string OperationId), Action<ContactsClientOptions>> OptionsFor = new()
    {
        [("wazzup-v2", "updateContacts")] = options => ((WazzupV2ContactsOptions)options).UpsertMethod = WazzupV2UpsertMethod.Update,
    };

    /// <summary>The documented responses (operationId, example) answering the requests the facade sends before the operation's own.</summary>
    public static IReadOnlyList<(string OperationId, string Example)> PrecedingRequests(SpecOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Preceding.GetValueOrDefault((operation.Spec.Key, operation.Id), []);
    }

    /// <summary>Whether a facade call sends this operation's request.</summary>
    public static bool IsReachable(SpecOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Calls.ContainsKey((operation.Spec.Key, operation.Id));
    }

    /// <summary>
    /// Options for the operation's provider with the spec's example credentials, pointed at <paramref name="baseUri"/>;
    /// retries off, so that one documented answer gives one outcome.
    /// </summary>
    public static ContactsClientOptions Options(SpecOperation operation, Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var options = Options(operation.Spec, baseUri);
        OptionsFor.GetValueOrDefault((operation.Spec.Key, operation.Id))?.Invoke(options);
        return options;
    }

    /// <summary>Options for the provider with the spec's example credentials, pointed at <paramref name="baseUri"/>; retries off.</summary>
    public static ContactsClientOptions Options(ProviderSpec spec, Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var options = ContactsProviders.Find(spec.Key).CreateOptions(ExampleCredentials.Of(spec));
        options.BaseUri = baseUri;
        options.AllowInsecureHttp = baseUri.Scheme == Uri.UriSchemeHttp;
        options.Retry.MaxRetries = 0;
        return options;
    }

    /// <summary>Calls the facade operation for <paramref name="operation"/>; what it returns or throws is the outcome.</summary>
    public static async Task<InvocationOutcome> InvokeAsync(ContactsClient client, SpecOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(operation);
        if (!Calls.TryGetValue((operation.Spec.Key, operation.Id), out var call))
        {
            throw new InvalidOperationException($"{operation} has no facade call: {Unreachable.GetValueOrDefault((operation.Spec.Key, operation.Id), "not mapped")}.");
        }

        try
        {
            var result = await call(client, operation, cancellationToken).ConfigureAwait(false);
            return new InvocationOutcome(result, result?.GetType(), null);
        }
#pragma warning disable CA1031 // Any exception is an outcome the case judges.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new InvocationOutcome(null, null, exception)
            {
                SafeToRepeat = exception is not ContactsException contacts || client.IsSafeToRepeat(contacts.Operation),
            };
        }
    }

    private static SpecOperation Sibling(SpecOperation operation, string operationId) =>
        operation.Spec.Operations.Single(candidate => candidate.Id == operationId);

    private static Contact WammContact(SpecOperation contactTo) => new()
    {
        Phone = Param(contactTo, "phone"),
        Name = Param(contactTo, "name"),
        Notes = Param(contactTo, "info"),
        Email = Param(contactTo, "email"),
        Web = Param(contactTo, "web"),
    };

    private static string Param(SpecOperation operation, string name) => operation.ParameterText(name);

    private static JsonNode Body(SpecOperation operation) =>
        operation.RequestBodyExample ?? throw new InvalidOperationException($"{operation} has no request body example.");

    private static Contact WazzupV3Contact(JsonNode contact) => new()
    {
        Id = (string?)contact["id"],
        ResponsibleUserId = (string?)contact["responsibleUserId"],
        Name = (string?)contact["name"],
        Web = (string?)contact["uri"],
        Channels = [.. contact["contactData"]!.AsArray().Select(data => new ContactChannel
        {
            ChatType = new ChatType((string)data!["chatType"]!),
            ChatId = (string)data["chatId"]!,
            Username = (string?)data["username"],
            Phone = (string?)data["phone"],
        })],
    };

    private static Contact WazzupV2Contact(JsonNode contact) => new()
    {
        Id = (string?)contact["id"],
        ResponsibleUserId = (string?)contact["responsible_user_id"],
        Name = (string?)contact["name"],
        Web = (string?)contact["uri"],
        Channels = [.. contact["contact_data"]!.AsArray().Select(data => new ContactChannel
        {
            ChatType = new ChatType((string)data!["chat_type"]!),
            ChatId = (string)data["chat_id"]!,
            Username = (string?)data["username"],
            Phone = (string?)data["phone"],
        })],
    };

    private static async Task<object?> Done(Task task)
    {
        await task.ConfigureAwait(false);
        return null;
    }

    private static async Task<object?> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}
