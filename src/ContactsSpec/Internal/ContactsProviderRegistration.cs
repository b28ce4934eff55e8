using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactsSpec.Internal;

internal sealed class ContactsProviderRegistration<TOptions>(string name, string provider) : IContactsProviderRegistration
    where TOptions : ContactsClientOptions
{
    public string Name => name;

    public string Provider => provider;

    public ContactsClientOptions ResolveOptions(IServiceProvider services) => services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
}
