using ContactsSpec.Cli.Output;
using ContactsSpec.Cli.Sandbox;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Specs;
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
        IReadOnlyDictionary<string, string>? examples = null;
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

    private static async Task<(WireMockServer? Server, Uri BaseUri, IReadOnlyDictionary<string, string> Examples)> StartSandboxAsync(
        string provider, CliConsole console, CancellationToken cancellationToken)
    {
        var spec = (await SpecSource.ResolveAsync(specsFolder: null, provider, console, cancellationToken)).Specs.SingleOrDefault()
            ?? throw CliException.Usage($"No spec for provider '{provider}'.");
        var running = await SandboxServer.RunningAsync(cancellationToken);
        var server = running is null ? SandboxServer.Start([spec]) : null;
        var baseUri = SandboxStubFactory.BaseUri(spec, running ?? server!.BaseUri());
        console.Error.MarkupLine(
            $"[grey]sandbox: {Markup.Escape(provider)}'s documented answers from WireMock at {Markup.Escape(baseUri.ToString())}{(running is null ? string.Empty : $" (${SandboxServer.UrlVariable})")}; no account needed, nothing leaves this machine.[/]");
        return (server, baseUri, ExampleCredentials.Of(spec));
    }
}
