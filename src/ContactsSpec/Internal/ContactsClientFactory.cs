using Microsoft.Extensions.Logging;

namespace ContactsSpec.Internal;

internal sealed class ContactsClientFactory(
    IEnumerable<IContactsProviderRegistration> registrations, IHttpClientFactory httpClientFactory, ILoggerFactory loggerFactory, IServiceProvider services)
    : IContactsClientFactory
{
    private readonly Dictionary<string, IContactsProviderRegistration> _registrations =
        registrations.ToDictionary(registration => registration.Name, StringComparer.Ordinal);

    public IReadOnlyList<string> Providers => [.. _registrations.Keys];

    public ContactsClient CreateClient(string provider)
    {
        if (!_registrations.TryGetValue(provider, out var registration))
        {
            throw new InvalidOperationException(
                $"No contacts account '{provider}' is registered; registered: {(_registrations.Count == 0 ? "none" : string.Join(", ", _registrations.Keys))}. Add it with services.AddContacts().Add...().");
        }

        return new ContactsClient(
            registration.ResolveOptions(services),
            httpClientFactory.CreateClient(ContactsBuilder.HttpClientName(registration.Name)),
            loggerFactory.CreateLogger<ContactsClient>());
    }

    public ContactsClient CreateClient() => _registrations.Count == 1
        ? CreateClient(_registrations.Keys.Single())
        : throw new InvalidOperationException(
            $"{_registrations.Count} contacts accounts are registered; name one: CreateClient(\"{string.Join("\" | \"", _registrations.Keys)}\").");
}
