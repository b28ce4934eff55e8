using ContactsSpec.Conformance.Cases;
using ContactsSpec.Specs;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactsSpec.Reliability.Tests.Support;

/// <summary>The credentials of one client: the provider's secret, and Wawp's instance id beside its access token.</summary>
internal sealed record Credentials(string Secret, string? InstanceId = null)
{
    public static Credentials New(string provider) =>
        new(Evidence.NewSecret(), provider == ContactsProviders.Wawp ? Evidence.NewSecret() : null);

    public IEnumerable<string> All => InstanceId is null ? [Secret] : [Secret, InstanceId];

    /// <summary>The value for one of the provider's credentials: Wawp's instance id, or the secret.</summary>
    public string ValueFor(ContactsCredential credential) =>
        credential.OptionName == nameof(WawpContactsOptions.InstanceId)
            ? InstanceId ?? throw new InvalidOperationException("These credentials have no instance id.")
            : Secret;
}

/// <summary>
/// One provider operation as the facade reaches it: the request it sends (method, path pattern from the server
/// root) and a facade call with valid input that sends it.
/// </summary>
internal sealed record FacadeOperation(
    string Provider,
    ContactsOperations Operation,
    string SpecOperationId,
    string Method,
    string PathPattern,
    bool Idempotent,
    bool ReadsSuccessBody,
    Func<ContactsClient, CancellationToken, Task> Invoke)
{
    /// <summary>The operation's name, as <see cref="ContactsException.Operation"/> gives it.</summary>
    public string Name => Operation.ToString();

    /// <summary>Whether the request carries a body (every one but GET and Wazzup v3's single DELETE).</summary>
    public bool SendsBody => Method != "GET" && SpecOperationId != "deleteContact";

    public override string ToString() => $"{Provider}/{SpecOperationId}";
}

/// <summary>The five providers as the reliability suite drives them.</summary>
internal static class ProviderCatalog
{

    public static readonly Contact WammContact = new() { Phone = "79001234567", Name = "Ivan Petrov" };
    public static readonly Contact WawpContact = new() { Id = "79001234567@c.us", FirstName = "Ivan", LastName = "Petrov" };
    public static readonly Contact WasmsContact = new() { Phone = "+923012345678", Name = "Martin Crater", Groups = ["1"] };

    public static readonly Contact WazzupV2Contact = new()
    {
        Id = "rel-v2-1", ResponsibleUserId = "7", Name = "Ivan Petrov", Web = "https://crm.example.com/contacts/1",
        Channels = [new ContactChannel { ChatType = ChatType.WhatsApp, ChatId = "79001234567" }],
    };

    public static readonly Contact WazzupV3Contact = new()
    {
        Id = "rel-v3-1", ResponsibleUserId = "7", Name = "Ivan Petrov", Web = "https://crm.example.com/contacts/1",
        Channels = [new ContactChannel { ChatType = ChatType.WhatsApp, ChatId = "79001234567" }],
    };

    /// <summary>Every provider operation the facade sends, with the call that sends it.</summary>
    public static readonly IReadOnlyList<FacadeOperation> Operations =
    [
        new(ContactsProviders.Wamm, ContactsOperations.Upsert, "contactTo", "GET", "/api2/contact_to/[^/]+/", true, true, (c, t) => c.UpsertAsync(WammContact, t)),
        new(ContactsProviders.Wamm, ContactsOperations.Get, "contactGet", "GET", "/api2/contact_get/[^/]+/[^/]+", true, true, (c, t) => c.GetAsync("79001234567", t)),
        new(ContactsProviders.Wamm, ContactsOperations.Delete, "contactDelete", "GET", "/api2/contact_delete/[^/]+/", true, true, (c, t) => c.DeleteAsync("79001234567", t)),
        new(ContactsProviders.Wawp, ContactsOperations.Upsert, "upsertContact", "PUT", "/v2/contacts/[^/]+", true, true, (c, t) => c.UpsertAsync(WawpContact, t)),
        new(ContactsProviders.Wasms, ContactsOperations.Upsert, "createContact", "POST", "/api/create/contact", false, true, (c, t) => c.UpsertAsync(WasmsContact, t)),
        new(ContactsProviders.Wasms, ContactsOperations.CreateGroup, "createGroup", "POST", "/api/create/group", false, true, (c, t) => c.CreateGroupAsync("Customers", t)),
        new(ContactsProviders.Wasms, ContactsOperations.Delete, "deleteContact", "GET", "/api/delete/contact", true, true, (c, t) => c.DeleteAsync("5", t)),
        new(ContactsProviders.Wasms, ContactsOperations.List, "getContacts", "GET", "/api/get/contacts", true, true, (c, t) => DrainAsync(c.ListAsync(t))),
        new(ContactsProviders.Wasms, ContactsOperations.ListGroups, "getGroups", "GET", "/api/get/groups", true, true, (c, t) => DrainAsync(c.ListGroupsAsync(t))),
        new(ContactsProviders.Wasms, ContactsOperations.DeleteGroup, "deleteGroup", "GET", "/api/delete/group", true, true, (c, t) => c.DeleteGroupAsync("3", t)),
        new(ContactsProviders.WazzupV2, ContactsOperations.List, "listContacts", "GET", "/v2/contacts", true, true, (c, t) => DrainAsync(c.ListAsync(t))),
        new(ContactsProviders.WazzupV2, ContactsOperations.Get, "getContact", "GET", "/v2/contacts/[^/]+", true, true, (c, t) => c.GetAsync("contacts1", t)),
        new(ContactsProviders.WazzupV2, ContactsOperations.Upsert, "createContacts", "POST", "/v2/contacts", true, true, (c, t) => c.UpsertAsync(WazzupV2Contact, t)),
        new(ContactsProviders.WazzupV2, ContactsOperations.Delete, "deleteContacts", "DELETE", "/v2/contacts", true, true, (c, t) => c.DeleteAsync("contacts1", t)),
        new(ContactsProviders.WazzupV3, ContactsOperations.Upsert, "upsertContacts", "POST", "/v3/contacts", true, false, (c, t) => c.UpsertAsync(WazzupV3Contact, t)),
        new(ContactsProviders.WazzupV3, ContactsOperations.List, "listContacts", "GET", "/v3/contacts", true, true, (c, t) => DrainAsync(c.ListAsync(t))),
        new(ContactsProviders.WazzupV3, ContactsOperations.Get, "getContact", "GET", "/v3/contacts/[^/]+", true, true, (c, t) => c.GetAsync("rel-v3-1", t)),
        new(ContactsProviders.WazzupV3, ContactsOperations.Delete, "deleteContact", "DELETE", "/v3/contacts/[^/]+", true, false, (c, t) => c.DeleteAsync("rel-v3-1", t)),
        new(ContactsProviders.WazzupV3, ContactsOperations.DeleteMany, "bulkDeleteContacts", "PATCH", "/v3/contacts/bulk_delete", true, true, DeleteManyAsync),
    ];

    /// <summary>
    /// Spec operations (<c>provider/operationId</c>) not in <see cref="Operations"/>, because the facade sends them only
    /// as a variant of an operation that is: the reliability suite drives the facade's calls, not every request.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ReachedThroughAnother = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["wamm/contactToUser"] = "sent by an upsert with a responsible user, after its contactTo",
        ["wazzup-v2/updateContacts"] = "sent instead of createContacts when UpsertMethod is Update",
    };

    /// <summary>Whether the operation (<c>provider/operationId</c>) is one the facade never sends twice after an ambiguous failure.</summary>
    public static bool IsNonIdempotent(string operation) => Operations.Any(candidate => !candidate.Idempotent && candidate.ToString() == operation);

    /// <summary>The path of the provider's documented host (<c>/api</c> for WaSMS), without a trailing slash.</summary>
    public static string BasePath(string provider) => ContactsProviders.Find(provider).DefaultBaseUri.AbsolutePath.TrimEnd('/');

    /// <summary>Options for <paramref name="provider"/> at <paramref name="serverRoot"/> (plus the provider's base path).</summary>
    public static ContactsClientOptions Options(string provider, Uri serverRoot, Credentials credentials)
    {
        var registered = ContactsProviders.Find(provider);
        var options = registered.CreateOptions(registered.Credentials.ToDictionary(credential => credential.Name, credentials.ValueFor, StringComparer.Ordinal));
        options.BaseUri = new Uri(serverRoot.GetLeftPart(UriPartial.Authority) + BasePath(provider));
        options.AllowInsecureHttp = options.BaseUri.Scheme == Uri.UriSchemeHttp;
        return options;
    }

    /// <summary>
    /// The documented success answer of each operation: the first example of its 2xx response that the facade reads
    /// as a success (WAMM <c>err: 0</c>, WaSMS body status 200), read from the specs through the conformance catalog.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, SuccessAnswer>> SuccessAnswersAsync(string repositoryRoot)
    {
        var cases = ConformanceCaseCatalog.Build(await SpecCatalog.LoadAllAsync(SpecCatalog.SpecsFolder(repositoryRoot)));
        var answers = new Dictionary<string, SuccessAnswer>(StringComparer.Ordinal);
        foreach (var operation in Operations)
        {
            var chosen = cases
                .Where(@case => @case.Provider == operation.Provider && @case.Operation.Id == operation.SpecOperationId)
                .Where(@case => @case.Kind == ConformanceCaseKind.Documented && @case.IsSuccessStatus)
                .First(@case => IsSuccessBody(@case.ResponseBody));
            answers[operation.ToString()] = new SuccessAnswer(chosen.Status, chosen.MediaType, chosen.ResponseBody is null ? null : SpecJson.Compact(chosen.ResponseBody));
        }

        return answers;
    }

    private static bool IsSuccessBody(JsonNode? body)
    {
        if (body is JsonArray array)
        {
            return !array.Select(SpecJson.Text).Any(id => id is "rel-del-1" or "rel-del-2");
        }

        if (body is not JsonObject item)
        {
            return true;
        }

        if (item["err"] is { } err)
        {
            return IsInteger(err, out var code) && code == 0;
        }

        return item["status"] is not { } status || !IsInteger(status, out var value) || value == 200;
    }

    private static bool IsInteger(JsonNode node, out int value)
    {
        value = 0;
        return node.GetValueKind() == JsonValueKind.Number
            && int.TryParse(node.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    private static async Task DrainAsync<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var _ in items)
        {
        }
    }

    // The batch result carries the error of a failed chunk per item; the matrix judges it as if it were thrown.
    private static async Task DeleteManyAsync(ContactsClient client, CancellationToken cancellationToken)
    {
        var result = await client.DeleteManyAsync(["rel-del-1", "rel-del-2"], cancellationToken);
        if (result.Items.FirstOrDefault(item => item.Status != ContactBatchItemStatus.Succeeded) is { } failed)
        {
            throw failed.Error!;
        }
    }
}

/// <summary>A documented success answer: status, media type, body.</summary>
internal sealed record SuccessAnswer(int Status, string? MediaType, string? Body);
