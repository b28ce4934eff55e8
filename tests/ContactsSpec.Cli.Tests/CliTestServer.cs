using ContactsSpec.Cli.Tests.Support;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Specs;
using ContactsSpec.Conformance.Stubs;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

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

    /// <summary>WaSMS's documented failure inside HTTP 200, <c>Something went wrong!</c>, for every request.</summary>
    public const string WasmsWentWrong = "/wasms-went-wrong";

    /// <summary>Wazzup v3's list, answered with no contacts.</summary>
    public const string EmptyList = "/empty-list";

    /// <summary>Wazzup v3's getContact, only with the bearer token <see cref="EnvironmentApiKey"/>.</summary>
    public const string RequiresApiKey = "/requires-api-key";

    /// <summary>The API key the <see cref="RequiresApiKey"/> stub wants.</summary>
    public const string EnvironmentApiKey = "key-from-the-environment-0c8e";

    private static WireMockServer? _server;

    public static WireMockServer Server => _server ?? throw new InvalidOperationException("The test server has not started.");

    /// <summary>The server's address, as <c>contacts-spec sandbox</c> prints it.</summary>
    public static string Url => Server.BaseUri().GetLeftPart(UriPartial.Authority);

    /// <summary>The address to pass as <c>--base-url</c> for <paramref name="provider"/>'s sandbox stubs, under <paramref name="prefix"/>.</summary>
    public static string BaseUrl(string provider, string prefix = "") =>
        Server.BaseUri().GetLeftPart(UriPartial.Authority) + prefix + (provider == ContactsProviders.Wasms ? "/api" : string.Empty);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = LoopbackWireMock.Start();
        // What `contacts-spec sandbox` serves, plus the error answers.
        foreach (var stub in SandboxStubFactory.BuildAll(await SpecCatalog.LoadAllAsync(SpecCatalog.SpecsFolder(CliTool.RepositoryRoot))))
        {
            stub.AddTo(_server);
        }

        Answer(Unauthorized, Response.Create().WithStatusCode(401));
        Answer(NotFound, Response.Create().WithStatusCode(404));
        Answer(WammTokenFail, Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"err":"token fail"}"""));
        Answer(WasmsWentWrong, Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
            .WithBody("""{"status":500,"message":"Something went wrong!","data":false}"""));
        Answer(EmptyList, Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"count":0,"data":[]}"""));
        _server.Given(Request.Create().WithPath(new RegexMatcher($"^{RequiresApiKey}/v3/contacts/[^/]+$"))
                .WithHeader("Authorization", new ExactMatcher($"Bearer {EnvironmentApiKey}")))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(
                """{"id":"env-1","responsibleUserId":"1","name":"From the environment","contactData":[{"chatType":"whatsapp","chatId":"79001234567"}]}"""));
    }

    [OneTimeTearDown]
    public void Stop() => _server?.Dispose();

    // Every request under the prefix, whatever its method.
    private static void Answer(string prefix, IResponseBuilder response) =>
        Server.Given(Request.Create().WithPath(new RegexMatcher($"^{prefix}/.*$"))).AtPriority(1).RespondWith(response);
}
