using ContactsSpec.Clients.Wamm;
using ContactsSpec.Clients.Wasms;
using ContactsSpec.Clients.Wawp;
using ContactsSpec.Clients.WazzupV2;
using ContactsSpec.Clients.WazzupV3;

namespace ContactsSpec.Conformance.Invocation;

/// <summary>The generated client class for each provider key.</summary>
public static class GeneratedClientRegistry
{
    private static readonly Dictionary<string, Type> ClientTypes = new(StringComparer.Ordinal)
    {
        ["wamm"] = typeof(WammClient),
        ["wawp"] = typeof(WawpClient),
        ["wasms"] = typeof(WasmsClient),
        ["wazzup-v2"] = typeof(WazzupV2Client),
        ["wazzup-v3"] = typeof(WazzupV3Client),
    };

    /// <summary>The provider keys with a generated client.</summary>
    public static IReadOnlyCollection<string> ProviderKeys => ClientTypes.Keys;

    /// <summary>The generated client class for a provider.</summary>
    public static Type ClientType(string providerKey) =>
        ClientTypes.TryGetValue(providerKey, out var type)
            ? type
            : throw new ArgumentException($"No generated client is registered for provider '{providerKey}'.", nameof(providerKey));

    /// <summary>A generated client over <paramref name="httpClient"/>, calling <paramref name="baseUrl"/>.</summary>
    public static object Create(string providerKey, HttpClient httpClient, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var type = ClientType(providerKey);
        var client = Activator.CreateInstance(type, httpClient)
            ?? throw new InvalidOperationException($"Could not create {type.Name}.");
        type.GetProperty("BaseUrl")!.SetValue(client, baseUrl.ToString());
        return client;
    }
}
