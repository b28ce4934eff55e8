namespace ContactsSpec.Conformance.Invocation;

/// <summary>Creates each provider's generated client, the one <see cref="ContactsProvider.GeneratedClientType"/> names.</summary>
public static class GeneratedClientRegistry
{
    /// <summary>A generated client over <paramref name="httpClient"/>, calling <paramref name="baseUrl"/>.</summary>
    public static object Create(string providerKey, HttpClient httpClient, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var type = ContactsProviders.Find(providerKey).GeneratedClientType;
        var client = Activator.CreateInstance(type, httpClient)
            ?? throw new InvalidOperationException($"Could not create {type.Name}.");
        type.GetProperty("BaseUrl")!.SetValue(client, baseUrl.ToString());
        return client;
    }
}
