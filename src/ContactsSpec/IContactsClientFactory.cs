namespace ContactsSpec;

/// <summary>Creates <see cref="ContactsClient"/>s for the providers registered with <c>services.AddContacts()</c>.</summary>
public interface IContactsClientFactory
{
    /// <summary>The registered provider keys.</summary>
    IReadOnlyList<string> Providers { get; }

    /// <summary>A client for a registered provider (<c>wamm</c>, <c>wazzup-v3</c>, ...).</summary>
    /// <exception cref="InvalidOperationException">The provider was not registered.</exception>
    ContactsClient CreateClient(string provider);

    /// <summary>A client for the only registered provider.</summary>
    /// <exception cref="InvalidOperationException">None, or more than one, provider was registered.</exception>
    ContactsClient CreateClient();
}
