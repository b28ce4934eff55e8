using ContactsSpec.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactsSpec;

/// <summary>Dependency-injection registration: <c>services.AddContacts().AddWazzupV3(o => o.ApiKey = ...)</c>.</summary>
public static class ContactsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IContactsClientFactory"/> and, when exactly one provider is added, <see cref="ContactsClient"/>
    /// for that provider. HTTP goes through IHttpClientFactory, one named client per provider.
    /// </summary>
    public static ContactsBuilder AddContacts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.AddHttpClient();
        services.TryAddSingleton<IContactsClientFactory, ContactsClientFactory>();
        services.TryAddTransient(provider => provider.GetRequiredService<IContactsClientFactory>().CreateClient());
        return new ContactsBuilder(services);
    }
}
