using ContactsSpec.Cli.Output;
using ContactsSpec.Cli.Sandbox;

namespace ContactsSpec.Cli.Contacts;

/// <summary>
/// A facade client for the chosen provider: at its documented host (or <c>--base-url</c>), or, with
/// <c>--sandbox</c>, at an embedded WireMock answering with the provider's documented examples.
/// </summary>
internal sealed class ProviderConnection : IDisposable
{
    private readonly Func<ContactsClientOptions> _createOptions;
    private readonly SandboxAccount? _sandbox;

    private ProviderConnection(ContactsClient client, Func<ContactsClientOptions> createOptions, SandboxAccount? sandbox)
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

        var sandbox = settings.Sandbox ? await SandboxAccount.OpenAsync(settings.Provider, console, cancellationToken) : null;
        var baseUri = sandbox?.BaseUri ?? settings.BaseUrl;

        try
        {
            ContactsClientOptions Create()
            {
                var options = CreateProviderOptions(settings, sandbox?.Credentials);
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
            sandbox?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        _sandbox?.Dispose();
    }

    /// <summary>The provider's options with each credential from its flag or variable, else (in the sandbox) the spec's sample.</summary>
    private static ContactsClientOptions CreateProviderOptions(ConnectionSettings settings, IReadOnlyDictionary<string, string>? examples)
    {
        var provider = ContactsProviders.Find(settings.Provider);
        return provider.CreateOptions(provider.Credentials.ToDictionary(
            credential => credential.Name,
            credential => ProviderCredentials.Read(provider, credential, settings) ?? examples?.GetValueOrDefault(credential.Name)
                ?? throw CliException.Usage(
                    $"{provider.Key} needs its {credential.Description}: pass {ProviderCredentials.Flag(credential.Name)} or set {ProviderCredentials.EnvironmentVariable(provider, credential)} (or try --sandbox, which needs no account)."),
            StringComparer.Ordinal));
    }
}
