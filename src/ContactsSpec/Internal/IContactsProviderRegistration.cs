namespace ContactsSpec.Internal;

/// <summary>One provider added through <see cref="ContactsBuilder"/>.</summary>
internal interface IContactsProviderRegistration
{
    /// <summary>The account's name: the provider key unless the host gave one.</summary>
    string Name { get; }

    string Provider { get; }

    ContactsClientOptions ResolveOptions(IServiceProvider services);
}
