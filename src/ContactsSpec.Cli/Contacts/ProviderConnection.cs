using ContactsSpec.Cli.Output;
using ContactsSpec.Cli.Sandbox;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Conformance.Specs;
using ContactsSpec.Conformance.Stubs;
using Spectre.Console;
using WireMock.Server;

namespace ContactsSpec.Cli.Contacts;

/// <summary>
/// A facade client for the chosen provider: at its documented host (or <c>--base-url</c>), or, with
/// <c>--sandbox</c>, at an embedded WireMock answering with the provider's documented examples.
/// </summary>
internal sealed class ProviderConnection : IDisposable
{
    private readonly Func<ContactsClientOptions> _createOptions;
    private readonly WireMockServer? _sandbox;

    private ProviderConnection(ContactsClient client, Func<ContactsClientOptions> createOptions, WireMockServer? sandbox)
    {
        Client = client;
        _createOptions = createOptions;
        _sandbox = sandbox;
    }

    public ContactsClient Client { get; }

    public string Provider => Client.Provider;

    /// <summary>Fresh options equal to the client's (a new instance each call).</summary>
    public ContactsClientOptions CreateOptions() => _createOptions();

    public static async Task<ProviderConnection> OpenAsync(ConnectionSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        ProviderCredentials.RejectForeignFlags(settings);
        if (settings.Sandbox && settings.BaseUrl is not null)
        {
            throw CliException.Usage("--sandbox and --base-url exclude each other: the sandbox is its own server.");
        }

        if (settings.BaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            throw CliException.Usage($"--base-url must be an absolute http(s) URL, not '{url}'.");
        }

        if (settings.BaseUrl is { Scheme: "http" } && !settings.AllowInsecureHttp)
        {
            throw CliException.Usage("--base-url uses plain http, which would send the credentials in clear; add --allow-insecure-http to allow it (for example for a local test server).");
        }

        WireMockServer? sandbox = null;
        ContactsClientOptions? examples = null;
        var baseUri = settings.BaseUrl;
        if (settings.Sandbox)
        {
            (sandbox, baseUri, examples) = await StartSandboxAsync(settings.Provider, console, cancellationToken);
        }

        try
        {
            ContactsClientOptions Create()
            {
                var options = CreateProviderOptions(settings, examples);
                if (baseUri is not null)
                {
                    options.BaseUri = baseUri;
                }

                options.AllowInsecureHttp = settings.AllowInsecureHttp || settings.Sandbox;
                options.UnsupportedFields = settings.UnsupportedFields;
                if (settings.Retries is { } retries)
                {
                    options.Retry.MaxRetries = retries;
                }

                if (settings.TimeoutSeconds is { } seconds)
                {
                    options.OverallTimeout = TimeSpan.FromSeconds(seconds);
                    options.AttemptTimeout = options.OverallTimeout < options.AttemptTimeout ? options.OverallTimeout : options.AttemptTimeout;
                }

                return options;
            }

            ContactsClient client;
            try
            {
                client = new ContactsClient(Create());
            }
            catch (ArgumentException error)
            {
                throw CliException.Usage(error.Message);
            }

            return new ProviderConnection(client, Create, sandbox);
        }
        catch
        {
            if (sandbox is not null)
            {
                sandbox.Dispose();
            }

            throw;
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        _sandbox?.Dispose();
    }

    private static ContactsClientOptions CreateProviderOptions(ConnectionSettings settings, ContactsClientOptions? examples)
    {
        var credentials = ProviderCredentials.ByProvider[settings.Provider];
        string Required(int index, string? example)
        {
            var credential = credentials[index];
            return ProviderCredentials.Read(credential, settings) ?? example
                ?? throw CliException.Usage($"{settings.Provider} needs its {credential.Description}: pass {credential.Flag} or set {credential.EnvironmentVariable} (or try --sandbox, which needs no account).");
        }

        return settings.Provider switch
        {
            ContactsProviders.Wamm => new WammContactsOptions { Token = Required(0, (examples as WammContactsOptions)?.Token) },
            ContactsProviders.Wawp => new WawpContactsOptions
            {
                InstanceId = Required(0, (examples as WawpContactsOptions)?.InstanceId),
                AccessToken = Required(1, (examples as WawpContactsOptions)?.AccessToken),
            },
            ContactsProviders.Wasms => new WasmsContactsOptions { Secret = Required(0, (examples as WasmsContactsOptions)?.Secret) },
            ContactsProviders.WazzupV2 => new WazzupV2ContactsOptions { ClientAccessToken = Required(0, (examples as WazzupV2ContactsOptions)?.ClientAccessToken) },
            ContactsProviders.WazzupV3 => new WazzupV3ContactsOptions { ApiKey = Required(0, (examples as WazzupV3ContactsOptions)?.ApiKey) },
            _ => throw CliException.Usage($"Unknown provider '{settings.Provider}'; the providers are {string.Join(", ", ContactsProviders.All)}."),
        };
    }

    private static async Task<(WireMockServer? Server, Uri BaseUri, ContactsClientOptions Examples)> StartSandboxAsync(
        string provider, CliConsole console, CancellationToken cancellationToken)
    {
        var spec = (await SpecSource.ResolveAsync(specsFolder: null, provider, console, cancellationToken)).Specs.SingleOrDefault()
            ?? throw CliException.Usage($"No spec for provider '{provider}'.");
        var running = await SandboxServer.RunningAsync(cancellationToken);
        var server = running is null ? SandboxServer.Start([spec]) : null;
        var baseUri = SandboxStubFactory.BaseUri(spec, running ?? server!.BaseUri());
        console.Error.MarkupLine(
            $"[grey]sandbox: {Markup.Escape(provider)}'s documented answers from WireMock at {Markup.Escape(baseUri.ToString())}{(running is null ? string.Empty : $" (${SandboxServer.UrlVariable})")}; no account needed, nothing leaves this machine.[/]");
        return (server, baseUri, FacadeInvoker.Options(spec, baseUri));
    }
}
