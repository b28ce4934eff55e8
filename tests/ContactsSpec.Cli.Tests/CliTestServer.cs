using System.Text.Json.Nodes;
using ContactsSpec.Cli.Tests.Support;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Specs;
using ContactsSpec.Conformance.Stubs;

namespace ContactsSpec.Cli.Tests;

/// <summary>
/// The one WireMock server the contacts tests share, as <c>contacts-spec sandbox</c> would run it: every provider's
/// sandbox stubs at the root (tests reach them with <c>--sandbox</c> and <c>$CONTACTSSPEC_SANDBOX_URL</c>, or with
/// <c>--base-url</c>), and answers for the error paths under prefixes a test picks with <c>--base-url</c>. A few
/// tests let <c>--sandbox</c> start its own server, on purpose.
/// </summary>
[SetUpFixture]
public sealed class CliTestServer
{
    /// <summary>Every request answers 401 with no body.</summary>
    public const string Unauthorized = "/answers-401";

    /// <summary>Every request answers 404 with no body.</summary>
    public const string NotFound = "/answers-404";

    /// <summary>WAMM's error inside HTTP 200: <c>{"err":"token fail"}</c>.</summary>
    public const string WammTokenFail = "/wamm-token-fail";

    /// <summary>Wazzup v3's getContact, only with the bearer token <see cref="EnvironmentApiKey"/>.</summary>
    public const string RequiresApiKey = "/requires-api-key";

    /// <summary>The API key the <see cref="RequiresApiKey"/> stub wants.</summary>
    public const string EnvironmentApiKey = "key-from-the-environment-0c8e";

    private static WireMockServer? _server;

    public static WireMockServer Server => _server ?? throw new InvalidOperationException("The test server has not started.");

    /// <summary>The server's address, as <c>contacts-spec sandbox</c> prints it.</summary>
    public static string Url => Server.BaseUri.GetLeftPart(UriPartial.Authority);

    /// <summary>The address to pass as <c>--base-url</c> for <paramref name="provider"/>'s sandbox stubs, under <paramref name="prefix"/>.</summary>
    public static string BaseUrl(string provider, string prefix = "") =>
        Server.BaseUri.GetLeftPart(UriPartial.Authority) + prefix + (provider == ContactsProviders.Wasms ? "/api" : string.Empty);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await WireMockServer.StartAsync(WireMockServerOptions.ForRepository(CliTool.RepositoryRoot));
        // What `contacts-spec sandbox` serves, plus the error answers.
        var mappings = SandboxStubFactory.BuildAll(await SpecCatalog.LoadAllAsync(CliTool.RepositoryRoot));

        mappings.Add(Stub(Unauthorized + "/.*", new JsonObject { ["status"] = 401 }));
        mappings.Add(Stub(NotFound + "/.*", new JsonObject { ["status"] = 404 }));
        mappings.Add(Stub(WammTokenFail + "/.*", new JsonObject
        {
            ["status"] = 200,
            ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
            ["jsonBody"] = new JsonObject { ["err"] = "token fail" },
        }));
        var guarded = Stub(RequiresApiKey + "/v3/contacts/[^/]+", new JsonObject
        {
            ["status"] = 200,
            ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
            ["jsonBody"] = new JsonObject
            {
                ["id"] = "env-1", ["responsibleUserId"] = "1", ["name"] = "From the environment",
                ["contactData"] = new JsonArray(new JsonObject { ["chatType"] = "whatsapp", ["chatId"] = "79001234567" }),
            },
        });
        guarded["request"]!["headers"] = new JsonObject { ["Authorization"] = new JsonObject { ["equalTo"] = $"Bearer {EnvironmentApiKey}" } };
        mappings.Add(guarded);
        await _server.Admin.ImportMappingsAsync(mappings);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static JsonObject Stub(string urlPathPattern, JsonObject response) => new()
    {
        ["request"] = new JsonObject { ["method"] = "ANY", ["urlPathPattern"] = urlPathPattern },
        ["response"] = response,
        ["priority"] = 1,
    };
}
