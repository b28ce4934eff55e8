using ContactsSpec.Cli.Output;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Conformance.Stubs;
using Spectre.Console;
using WireMock.Server;

namespace ContactsSpec.Cli.Sandbox;

/// <summary>
/// A provider's sandbox as a <c>contacts ... --sandbox</c> command uses it: where to call, and the docs' sample
/// credentials to call with. The sandbox <c>contacts-spec sandbox</c> keeps running (<see cref="SandboxServer.UrlVariable"/>),
/// else one started for the command and stopped when this is disposed.
/// </summary>
internal sealed class SandboxAccount : IDisposable
{
    private readonly WireMockServer? _server;

    private SandboxAccount(Uri baseUri, IReadOnlyDictionary<string, string> credentials, WireMockServer? server)
    {
        BaseUri = baseUri;
        Credentials = credentials;
        _server = server;
    }

    /// <summary>The base address of the provider's documented answers.</summary>
    public Uri BaseUri { get; }

    /// <summary>The docs' sample value of each of the provider's credentials, by credential name.</summary>
    public IReadOnlyDictionary<string, string> Credentials { get; }

    public static async Task<SandboxAccount> OpenAsync(string provider, CliConsole console, CancellationToken cancellationToken)
    {
        var spec = (await SpecSource.ResolveAsync(specsFolder: null, provider, console, cancellationToken)).Specs.SingleOrDefault()
            ?? throw CliException.Usage($"No spec for provider '{provider}'.");
        // Read before a server starts, so that a spec without sample credentials leaves none running.
        var credentials = ExampleCredentials.Of(spec);
        var running = await SandboxServer.RunningAsync(cancellationToken);
        var server = running is null ? SandboxServer.Start([spec]) : null;
        var baseUri = SandboxStubFactory.BaseUri(spec, running ?? server!.BaseUri());
        console.Error.MarkupLine(
            $"[grey]sandbox: {Markup.Escape(provider)}'s documented answers from WireMock at {Markup.Escape(baseUri.ToString())}{(running is null ? string.Empty : $" (${SandboxServer.UrlVariable})")}; no account needed, nothing leaves this machine.[/]");
        return new SandboxAccount(baseUri, credentials, server);
    }

    public void Dispose() => _server?.Dispose();
}
