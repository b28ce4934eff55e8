using System.Diagnostics;
using System.Net;
using ContactsSpec.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace ContactsSpec.Tests;

/// <summary>
/// What .NET's HTTP stack emits on the facade's behalf (activities and events), and what a user's OpenTelemetry
/// HTTP instrumentation exports. .NET masks query strings, so credentials in the query (Wawp, WaSMS) or a header
/// (Wazzup) stay out of it; WAMM's token is a path segment, which .NET records as is, so the facade ships
/// <see cref="ContactsHttpTelemetry.RedactCredentials"/> for the OpenTelemetry exporter.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class HttpTelemetryTests
{
    private const string WammToken = "wamm-telemetry-token-3c9d";
    private const string WawpToken = "wawp-telemetry-token-51be";
    private const string WawpInstance = "wawp-telemetry-instance-8a20";
    private const string WasmsSecret = "wasms-telemetry-secret-e7f1";
    private const string WazzupKey = "wazzup-telemetry-key-0d44";

    [Test]
    public async Task Credentials_in_the_query_or_a_header_never_reach_the_http_trace_data()
    {
        await using var server = Answering("""{"status":200,"message":"ok","data":[]}""");
        using var recorder = new HttpTraceRecorder();

        await Attempt(new WawpContactsOptions { InstanceId = WawpInstance, AccessToken = WawpToken }, server, client => client.UpsertAsync(new Contact { Id = "79001234567@c.us", FirstName = "Ivan" }));
        await Attempt(new WasmsContactsOptions { Secret = WasmsSecret }, server, async client => await client.ListAsync().FirstOrDefaultAsync());
        await Attempt(new WazzupV3ContactsOptions { ApiKey = WazzupKey }, server, client => client.GetAsync("1"));

        var emitted = recorder.Activities.Concat(recorder.Events).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(recorder.Activities, Is.Not.Empty, "the listener saw the requests");
            Assert.That(recorder.Events, Is.Not.Empty, "the event listener saw the requests");
            foreach (var secret in new[] { WawpToken, WawpInstance, WasmsSecret, WazzupKey })
            {
                Assert.That(emitted, Has.None.Contains(secret), "a credential in .NET's HTTP trace data");
            }
        });
    }

    [Test]
    public async Task Dotnet_records_the_WAMM_token_in_the_path_of_its_own_trace_data()
    {
        // Evidence for the README: no library setting keeps a path segment out of .NET's own activity and events.
        await using var server = Answering("""{"err":0,"result":"insert"}""");
        using var recorder = new HttpTraceRecorder();

        await Attempt(new WammContactsOptions { Token = WammToken }, server, client => client.UpsertAsync(new Contact { Phone = "79001234567", Name = "Ivan" }));

        Assert.Multiple(() =>
        {
            Assert.That(recorder.Activities, Has.Some.Contains(WammToken), "url.full of the System.Net.Http activity");
            Assert.That(recorder.Events, Has.Some.Contains(WammToken), "the RequestStart event's path");
        });
    }

    [TestCase("constructor")]
    [TestCase("dependency injection")]
    public async Task OpenTelemetry_exports_no_WAMM_token_with_the_facades_enrichment(string pipeline)
    {
        await using var server = Answering("""{"err":0,"result":"insert"}""");
        var exported = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .AddHttpClientInstrumentation(options => options.EnrichWithHttpRequestMessage = ContactsHttpTelemetry.RedactCredentials)
            .AddInMemoryExporter(exported)
            .Build())
        {
            var options = new WammContactsOptions { Token = WammToken, BaseUri = server.BaseUri, AllowInsecureHttp = true };
            options.Retry.MaxRetries = 0;
            if (pipeline == "constructor")
            {
                using var client = new ContactsClient(options);
                await client.UpsertAsync(new Contact { Phone = "79001234567", Name = "Ivan" });
            }
            else
            {
                var services = new ServiceCollection();
                services.AddContacts().AddWamm(configure =>
                {
                    configure.Token = WammToken;
                    configure.BaseUri = server.BaseUri;
                    configure.AllowInsecureHttp = true;
                    configure.Retry.MaxRetries = 0;
                });
                await using var provider = services.BuildServiceProvider();
                await provider.GetRequiredService<ContactsClient>().UpsertAsync(new Contact { Phone = "79001234567", Name = "Ivan" });
            }
        }

        var texts = exported.Select(activity => $"{activity.DisplayName} {string.Join(' ', activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exported, Is.Not.Empty, "the instrumentation exported the request");
            Assert.That(texts, Has.None.Contains(WammToken));
            Assert.That(exported.Select(activity => activity.GetTagItem("url.full") as string), Has.Some.Contains("/api2/contact_to/***/"), "url.full stays, masked");
        });
    }

    private static LoopbackHttpServer Answering(string json) => new(IPAddress.Loopback, _ =>
        $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(json)}\r\nConnection: close\r\n\r\n{json}");

    // Sends one call through the facade's own transport; its outcome does not matter here, only what was emitted.
    private static async Task Attempt<TOptions>(TOptions options, LoopbackHttpServer server, Func<ContactsClient, Task> call)
        where TOptions : ContactsClientOptions
    {
        options.BaseUri = server.BaseUri;
        options.AllowInsecureHttp = true;
        options.Retry.MaxRetries = 0;
        using var client = new ContactsClient(options);
        try
        {
            await call(client);
        }
        catch (ContactsException)
        {
            // The answer may not fit the operation; the request was sent, which is what counts.
        }
    }
}
