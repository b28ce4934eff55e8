namespace ContactsSpec;

/// <summary>Creates <see cref="ContactsClient"/>s for the providers registered with <c>services.AddContacts()</c>.</summary>
public interface IContactsClientFactory
{
    /// <summary>The registered accounts' names: a provider key (<c>wamm</c>, <c>wazzup-v3</c>, ...), or the name an account was added under.</summary>
    IReadOnlyList<string> Providers { get; }

    /// <summary>A client for a registered account, by its name (the provider key unless it was added under another).</summary>
    /// <exception cref="InvalidOperationException">No account of that name was registered.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">Its options are invalid, naming the setting.</exception>
    ContactsClient CreateClient(string provider);

    /// <summary>A client for the only registered account.</summary>
    /// <exception cref="InvalidOperationException">None, or more than one, account was registered.</exception>
    ContactsClient CreateClient();
}
