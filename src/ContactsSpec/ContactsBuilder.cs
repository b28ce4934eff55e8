using ContactsSpec.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactsSpec;

/// <summary>
/// Registers provider accounts for <see cref="IContactsClientFactory"/>; returned by <c>services.AddContacts()</c>.
/// Each account has a name (the provider key unless given), its own options (validated when the host starts) and
/// its own named HttpClient.
/// </summary>
public sealed class ContactsBuilder
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    internal ContactsBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds WAMM.chat.</summary>
    public ContactsBuilder AddWamm(Action<WammContactsOptions> configure) => Add(ContactsProviders.Wamm, configure);

    /// <summary>Adds Wawp.</summary>
    public ContactsBuilder AddWawp(Action<WawpContactsOptions> configure) => Add(ContactsProviders.Wawp, configure);

    /// <summary>Adds WaSMS.Net.</summary>
    public ContactsBuilder AddWasms(Action<WasmsContactsOptions> configure) => Add(ContactsProviders.Wasms, configure);

    /// <summary>Adds the Wazzup partner API v2.</summary>
    public ContactsBuilder AddWazzupV2(Action<WazzupV2ContactsOptions> configure) => Add(ContactsProviders.WazzupV2, configure);

    /// <summary>Adds Wazzup API v3.</summary>
    public ContactsBuilder AddWazzupV3(Action<WazzupV3ContactsOptions> configure) => Add(ContactsProviders.WazzupV3, configure);

    /// <summary>
    /// Adds an account of the provider <typeparamref name="TOptions"/> is for, under <paramref name="name"/>
    /// (<c>CreateClient(name)</c>): several accounts of one provider, one per tenant say, each get their own name.
    /// </summary>
    /// <exception cref="InvalidOperationException">An account of that name was added already.</exception>
    public ContactsBuilder Add<TOptions>(string name, Action<TOptions> configure)
        where TOptions : ContactsClientOptions, new()
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register<TOptions>(name, options => options.Configure(configure));
    }

    /// <summary>
    /// Adds an account under <paramref name="name"/> with its options bound from <paramref name="configuration"/>
    /// (a section such as <c>Contacts:TenantA</c> with <c>ApiKey</c>, <c>BaseUri</c>, <c>Retry:MaxRetries</c>, ...).
    /// </summary>
    /// <exception cref="InvalidOperationException">An account of that name was added already.</exception>
    public ContactsBuilder Add<TOptions>(string name, IConfiguration configuration)
        where TOptions : ContactsClientOptions, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register<TOptions>(name, options => options.Bind(configuration));
    }

    /// <summary>
    /// The named HttpClient of the account <paramref name="name"/>, for handlers of the host's own (a proxy, a
    /// header). Redirects stay refused and credentials redacted whatever is added here.
    /// </summary>
    public IHttpClientBuilder HttpClient(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Services.AddHttpClient(HttpClientName(name));
    }

    internal static string HttpClientName(string name) => $"ContactsSpec.{name}";

    private ContactsBuilder Register<TOptions>(string name, Action<OptionsBuilder<TOptions>> configure)
        where TOptions : ContactsClientOptions, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"A contacts account named '{name}' was added already; give each account of a provider its own name: Add<TOptions>(name, ...).");
        }

        var provider = new TOptions().Provider;
        var options = Services.AddOptions<TOptions>(name);
        configure(options);
        // A host with a missing or malformed credential fails when it starts, naming the account and the setting.
        Services.AddSingleton<IValidateOptions<TOptions>>(new ContactsOptionsValidation<TOptions>(name));
        options.ValidateOnStart();
        TOptions Options(IServiceProvider services) => services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);

        var httpClient = Services.AddHttpClient(HttpClientName(name), (services, client) =>
            {
                // Timeouts belong to the resilience pipeline (ContactsClientOptions.AttemptTimeout / OverallTimeout).
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // Keeps the host's own primary handler (a proxy, say) but turns off its redirect following; a handler the
            // host sets for this client after AddContacts is the host's to configure (the response guard still refuses a 3xx).
            .ConfigurePrimaryHttpMessageHandler((handler, _) => ContactsTransport.RefuseRedirects(handler))
            // The factory's default loggers write full request URIs, which carry WAMM, Wawp and WaSMS credentials.
            .RemoveAllLoggers()
            .AddHttpMessageHandler(services =>
            {
                var options = Options(services);
                return new ContactsHttpHandler(
                    services.GetRequiredService<ILoggerFactory>().CreateLogger<ContactsClient>(),
                    provider,
                    new SecretRedactor(options.SecretValues),
                    options.MaxResponseBytes,
                    options.BearerToken);
            });
        // A host's resilience handler on every client (AddStandardResilienceHandler in ConfigureHttpClientDefaults)
        // would retry under the facade's own retries: four times as many requests, and a WaSMS create re-sent.
        // The API is marked for evaluation; if it changes, this line stops building rather than failing silently.
#pragma warning disable EXTEXP0001
        httpClient.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        Services.AddSingleton<IContactsProviderRegistration>(new ContactsProviderRegistration<TOptions>(name, provider));
        return this;
    }
}
