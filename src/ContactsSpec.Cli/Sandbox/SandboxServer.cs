using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Specs;
using ContactsSpec.Conformance.Stubs;
using WireMock.Server;

namespace ContactsSpec.Cli.Sandbox;

/// <summary>
/// The sandbox: WireMock.Net in this process, loaded with the providers' documented answers (see
/// <see cref="SandboxStubFactory"/>). <c>--sandbox</c> starts one per command, unless
/// <c>$CONTACTSSPEC_SANDBOX_URL</c> names one that <c>contacts-spec sandbox</c> keeps running.
/// </summary>
internal static class SandboxServer
{
    /// <summary>A running sandbox (<c>contacts-spec sandbox</c>) for <c>--sandbox</c> to use instead of starting its own.</summary>
    public const string UrlVariable = "CONTACTSSPEC_SANDBOX_URL";

    public static WireMockServer Start(IReadOnlyList<ProviderSpec> specs)
    {
        var server = LoopbackWireMock.Start();
        try
        {
            foreach (var stub in SandboxStubFactory.BuildAll(specs))
            {
                stub.AddTo(server);
            }

            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
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
            using var health = await http.GetAsync(new Uri(url, SandboxStubFactory.HealthPath), cancellationToken);
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
