using Microsoft.Extensions.Logging;

namespace ContactsSpec.Internal;

internal sealed class ContactsClientFactory(
    IEnumerable<IContactsProviderRegistration> registrations, IHttpClientFactory httpClientFactory, ILoggerFactory loggerFactory, IServiceProvider services)
    : IContactsClientFactory
{
    private readonly Dictionary<string, IContactsProviderRegistration> _registrations =
        registrations.GroupBy(registration => registration.Provider).ToDictionary(group => group.Key, group => group.Last(), StringComparer.Ordinal);

    public IReadOnlyList<string> Providers => [.. _registrations.Keys];

    public ContactsClient CreateClient(string provider)
    {
        if (!_registrations.TryGetValue(provider, out var registration))
        {
            throw new InvalidOperationException(
                $"No contacts provider '{provider}' is registered; registered: {(_registrations.Count == 0 ? "none" : string.Join(", ", _registrations.Keys))}. Add it with services.AddContacts().Add...().");
        }

        return new ContactsClient(
            registration.ResolveOptions(services),
            httpClientFactory.CreateClient(ContactsBuilder.HttpClientName(provider)),
            loggerFactory.CreateLogger<ContactsClient>());
    }

    public ContactsClient CreateClient() => _registrations.Count == 1
        ? CreateClient(_registrations.Keys.Single())
        : throw new InvalidOperationException(
            $"{_registrations.Count} contacts providers are registered; name one: CreateClient(\"{string.Join("\" | \"", _registrations.Keys)}\").");
}
