using ContactsSpec.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactsSpec;

/// <summary>Registers providers for <see cref="IContactsClientFactory"/>; returned by <c>services.AddContacts()</c>.</summary>
public sealed class ContactsBuilder
{
    internal ContactsBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds WAMM.chat.</summary>
    public ContactsBuilder AddWamm(Action<WammContactsOptions> configure) => Add(configure);

    /// <summary>Adds Wawp.</summary>
    public ContactsBuilder AddWawp(Action<WawpContactsOptions> configure) => Add(configure);

    /// <summary>Adds WaSMS.Net.</summary>
    public ContactsBuilder AddWasms(Action<WasmsContactsOptions> configure) => Add(configure);

    /// <summary>Adds the Wazzup partner API v2.</summary>
    public ContactsBuilder AddWazzupV2(Action<WazzupV2ContactsOptions> configure) => Add(configure);

    /// <summary>Adds Wazzup API v3.</summary>
    public ContactsBuilder AddWazzupV3(Action<WazzupV3ContactsOptions> configure) => Add(configure);

    private ContactsBuilder Add<TOptions>(Action<TOptions> configure)
        where TOptions : ContactsClientOptions, new()
    {
        ArgumentNullException.ThrowIfNull(configure);
        var provider = new TOptions().Provider;
        Services.AddOptions<TOptions>().Configure(configure);
        var httpClient = Services.AddHttpClient(HttpClientName(provider), (services, client) =>
            {
                // Timeouts belong to the resilience pipeline (ContactsClientOptions.AttemptTimeout / OverallTimeout).
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // Keeps the host's own primary handler (a proxy, say) but turns off its redirect following; a handler the
            // host sets for this client after AddContacts is the host's to configure (the response guard still refuses a 3xx).
            .ConfigurePrimaryHttpMessageHandler((handler, _) => ContactsTransport.RefuseRedirects(handler))
            // The factory's default loggers write full request URIs, which carry WAMM, Wawp and WaSMS credentials.
            .RemoveAllLoggers()
            .AddHttpMessageHandler(services => new ContactsLoggingHandler(
                services.GetRequiredService<ILoggerFactory>().CreateLogger<ContactsClient>(),
                provider,
                new SecretRedactor(services.GetRequiredService<IOptions<TOptions>>().Value.SecretValues)))
            .AddHttpMessageHandler(services => new ResponseLimitHandler(services.GetRequiredService<IOptions<TOptions>>().Value.MaxResponseBytes));
        httpClient.AddHttpMessageHandler(services => services.GetRequiredService<IOptions<TOptions>>().Value.BearerToken is { } token
            ? new BearerTokenHandler(token)
            : new PassThroughHandler());
        // A host's resilience handler on every client (AddStandardResilienceHandler in ConfigureHttpClientDefaults)
        // would retry under the facade's own retries: four times as many requests, and a WaSMS create re-sent.
        // The API is marked for evaluation; if it changes, this line stops building rather than failing silently.
#pragma warning disable EXTEXP0001
        httpClient.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        Services.AddSingleton<IContactsProviderRegistration>(new ContactsProviderRegistration<TOptions>(provider));
        return this;
    }

    internal static string HttpClientName(string provider) => $"ContactsSpec.{provider}";
}
