using ContactsSpec.Clients.Wamm;
using ContactsSpec.Clients.Wasms;
using ContactsSpec.Clients.Wawp;
using ContactsSpec.Clients.WazzupV2;
using ContactsSpec.Clients.WazzupV3;

namespace ContactsSpec;

/// <summary>
/// The providers: each declared here once (<see cref="Registered"/>), and read from here by the command-line tool,
/// the conformance and reliability suites; ProviderRegistryTests holds dependency injection, the specs and the docs to it.
/// </summary>
public static class ContactsProviders
{
    /// <summary>WAMM.chat API2.</summary>
    public const string Wamm = "wamm";

    /// <summary>Wawp v2.</summary>
    public const string Wawp = "wawp";

    /// <summary>WaSMS.Net.</summary>
    public const string Wasms = "wasms";

    /// <summary>Wazzup partner API v2.</summary>
    public const string WazzupV2 = "wazzup-v2";

    /// <summary>Wazzup API v3.</summary>
    public const string WazzupV3 = "wazzup-v3";

    /// <summary>Every provider, in the order they are listed to people.</summary>
    internal static IReadOnlyList<ContactsProvider> Registered { get; } =
    [
        new(Wamm, "WAMM.chat API2", () => new WammContactsOptions(),
            [Credential<WammContactsOptions>("token", "API token", nameof(WammContactsOptions.Token), "token", (options, value) => options.Token = value)],
            typeof(WammClient),
            // No batch routes: the many-item operations fan out single calls. contactToUser assigns an upsert's responsible user.
            Sends(("contactTo", Upserts), ("contactToUser", Upserts), ("contactGet", ContactsOperations.Get), ("contactDelete", Deletes))),
        new(Wawp, "Wawp v2", () => new WawpContactsOptions(),
            [
                Credential<WawpContactsOptions>("instance-id", "instance id", nameof(WawpContactsOptions.InstanceId), "instance_id", (options, value) => options.InstanceId = value),
                Credential<WawpContactsOptions>("access-token", "access token", nameof(WawpContactsOptions.AccessToken), "access_token", (options, value) => options.AccessToken = value),
            ],
            typeof(WawpClient),
            Sends(("upsertContact", Upserts))),
        new(Wasms, "WaSMS.Net", () => new WasmsContactsOptions(),
            [Credential<WasmsContactsOptions>("secret", "API secret", nameof(WasmsContactsOptions.Secret), "secret", (options, value) => options.Secret = value)],
            typeof(WasmsClient),
            Sends(
                ("createContact", Upserts), ("getContacts", ContactsOperations.List), ("deleteContact", Deletes),
                ("createGroup", ContactsOperations.CreateGroup), ("getGroups", ContactsOperations.ListGroups), ("deleteGroup", ContactsOperations.DeleteGroup))),
        new(WazzupV2, "Wazzup partner API v2", () => new WazzupV2ContactsOptions(),
            [Credential<WazzupV2ContactsOptions>("token", "client access token", nameof(WazzupV2ContactsOptions.ClientAccessToken), null, (options, value) => options.ClientAccessToken = value)],
            typeof(WazzupV2Client),
            // createContacts or updateContacts, as WazzupV2ContactsOptions.UpsertMethod says; both take batches.
            Sends(
                ("listContacts", ContactsOperations.List), ("getContact", ContactsOperations.Get), ("createContacts", Upserts), ("updateContacts", Upserts),
                ("deleteContacts", Deletes))),
        new(WazzupV3, "Wazzup API v3", () => new WazzupV3ContactsOptions(),
            [Credential<WazzupV3ContactsOptions>("api-key", "API key", nameof(WazzupV3ContactsOptions.ApiKey), null, (options, value) => options.ApiKey = value)],
            typeof(WazzupV3Client),
            Sends(
                ("upsertContacts", Upserts), ("listContacts", ContactsOperations.List), ("getContact", ContactsOperations.Get),
                ("deleteContact", ContactsOperations.Delete), ("bulkDeleteContacts", ContactsOperations.DeleteMany))),
    ];

    /// <summary>Every provider key.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Registered.Select(provider => provider.Key)];

    /// <summary>The provider with this key.</summary>
    /// <exception cref="ArgumentException">No provider has that key.</exception>
    internal static ContactsProvider Find(string key) =>
        Registered.FirstOrDefault(provider => string.Equals(provider.Key, key, StringComparison.Ordinal))
        ?? throw new ArgumentException($"Unknown provider '{key}'; the providers are {string.Join(", ", All)}.", nameof(key));

    private const ContactsOperations Upserts = ContactsOperations.Upsert | ContactsOperations.UpsertMany;

    private const ContactsOperations Deletes = ContactsOperations.Delete | ContactsOperations.DeleteMany;

    private static Dictionary<string, ContactsOperations> Sends(params (string OperationId, ContactsOperations Operations)[] operations) =>
        operations.ToDictionary(operation => operation.OperationId, operation => operation.Operations, StringComparer.Ordinal);

    private static ContactsCredential Credential<TOptions>(string name, string description, string optionName, string? specParameter, Action<TOptions, string> set)
        where TOptions : ContactsClientOptions =>
        new(name, description, optionName, specParameter, (options, value) => set((TOptions)options, value));
}
