namespace ContactsSpec.Internal;

/// <summary>One provider added through <see cref="ContactsBuilder"/>.</summary>
internal interface IContactsProviderRegistration
{
    string Provider { get; }

    ContactsClientOptions ResolveOptions(IServiceProvider services);
}
