using ContactsSpec.Cli.Output;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Specs;
using ContactsSpec.Conformance.Stubs;
using Spectre.Console;

namespace ContactsSpec.Cli.Sandbox;

/// <summary>
/// The sandbox: the embedded WireMock loaded with the providers' documented answers (see
/// <see cref="SandboxStubFactory"/>). <c>--sandbox</c> starts one per command, unless
/// <c>$CONTACTSSPEC_SANDBOX_URL</c> names one that <c>contacts-spec sandbox</c> keeps running.
/// </summary>
internal static class SandboxServer
{
    /// <summary>A running sandbox (<c>contacts-spec sandbox</c>) for <c>--sandbox</c> to use instead of starting its own.</summary>
    public const string UrlVariable = "CONTACTSSPEC_SANDBOX_URL";

    public static async Task<WireMockServer> StartAsync(string repository, IReadOnlyList<ProviderSpec> specs, CliConsole console, CancellationToken cancellationToken)
    {
        await Toolchain.EnsureInstalledAsync(repository, note => console.Error.MarkupLine($"[grey]{Markup.Escape(note)}[/]"), cancellationToken);

        async Task<WireMockServer> StartAsync()
        {
            var server = await WireMockServer.StartAsync(WireMockServerOptions.ForRepository(repository), cancellationToken);
            try
            {
                await server.Admin.ImportMappingsAsync(SandboxStubFactory.BuildAll(specs), cancellationToken);
                return server;
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        var what = specs.Count == 1 ? $"the {specs[0].Key} sandbox" : "the sandbox";
        return console.ShowsProgress
            ? await console.Error.Status().StartAsync($"Starting {what} (WireMock)", _ => StartAsync())
            : await StartAsync();
    }

    /// <summary>The running sandbox named by <see cref="UrlVariable"/>, or null; a usage error when it does not answer.</summary>
    public static async Task<Uri?> RunningAsync(CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(UrlVariable) is not { Length: > 0 } text)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
        {
            throw CliException.Usage($"{UrlVariable} must be the http:// address `contacts-spec sandbox` printed, not '{text}'.");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var health = await http.GetAsync(new Uri(url, "/__admin/health"), cancellationToken);
            if (health.IsSuccessStatusCode)
            {
                return url;
            }
        }
        catch (HttpRequestException)
        {
            // Reported below.
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: reported below.
        }

        throw CliException.Usage($"{UrlVariable} is {url}, where no sandbox answers: start one with `contacts-spec sandbox`, or unset the variable so that --sandbox starts its own.");
    }
}
