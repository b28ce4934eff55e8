using System.Net;
using System.Text;
using ContactsSpec.Reliability.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactsSpec.Reliability.Tests;

/// <summary>
/// Credentials: sent only where each spec puts them (checked on every request of every operation, with credentials
/// full of URL-special characters), https by default, plain http only with AllowInsecureHttp, on the constructor
/// and the dependency-injection paths alike. The leak scan over everything the suite collected runs at the end of
/// the run (<see cref="ReliabilityRun"/>).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class CredentialTests
{
    private static readonly Uri _root = new("https://provider.test/");

    public static IEnumerable<string> Operations() => ProviderCatalog.Operations.Select(operation => operation.ToString());

    public static IEnumerable<ContactsClientOptions> AllOptions() =>
    [
        new WammContactsOptions { Token = Evidence.NewSecret() },
        new WawpContactsOptions { AccessToken = Evidence.NewSecret(), InstanceId = Evidence.NewSecret() },
        new WasmsContactsOptions { Secret = Evidence.NewSecret() },
        new WazzupV2ContactsOptions { ClientAccessToken = Evidence.NewSecret() },
        new WazzupV3ContactsOptions { ApiKey = Evidence.NewSecret() },
    ];

    [TestCaseSource(nameof(Operations))]
    public async Task Credentials_travel_only_where_the_spec_puts_them(string operationKey)
    {
        var operation = ProviderCatalog.Operations.Single(candidate => candidate.ToString() == operationKey);
        // Characters that must be encoded in a path or query; a bearer token takes visible ASCII only.
        var bearer = operation.Provider is ContactsProviders.WazzupV2 or ContactsProviders.WazzupV3;
        var credentials = new Credentials(
            Evidence.NewSecret(bearer ? "-._~+/=" : "/?#%&= ..+;\u00E9"),
            operation.Provider == ContactsProviders.Wawp ? Evidence.NewSecret("&access_token=x#") : null);
        var handler = new RecordingHandler(request => Succeed(operation));
        using var client = new ContactsClient(ProviderCatalog.Options(operation.Provider, _root, credentials), handler, Evidence.LoggerFactory);

        await operation.Invoke(client, CancellationToken.None);

        var violations = handler.Requests.SelectMany(request => Wire.CredentialViolations(operation.Provider, request, credentials)).ToList();
        Figures.PlacementChecked(handler.Requests.Count);
        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Is.Not.Empty);
            Assert.That(violations, Is.Empty);
        });
    }

    [TestCaseSource(nameof(AllOptions))]
    public void Default_base_urls_are_https(ContactsClientOptions options)
    {
        Evidence.Scan("options.ToString()", options.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(options.DefaultBaseUri.Scheme, Is.EqualTo(Uri.UriSchemeHttps));
            Assert.That(options.BaseUri, Is.EqualTo(options.DefaultBaseUri));
            Assert.That(options.AllowInsecureHttp, Is.False);
        });
    }

    [TestCaseSource(nameof(AllOptions))]
    public async Task Plain_http_needs_AllowInsecureHttp(ContactsClientOptions options)
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        options.BaseUri = new Uri("http://provider.test/");
        options.Retry.MaxRetries = 0;

        var refused = Assert.Throws<ArgumentException>(() => new ContactsClient(options, handler, Evidence.LoggerFactory).Dispose());
        Evidence.Scan("http refused", refused);

        options.AllowInsecureHttp = true;
        using var client = new ContactsClient(options, handler, Evidence.LoggerFactory);
        var operation = ProviderCatalog.Operations.First(candidate => candidate.Provider == options.Provider);
        var error = Assert.ThrowsAsync<ContactsException>(() => operation.Invoke(client, CancellationToken.None));
        Evidence.Scan("http allowed", error);

        Assert.Multiple(() =>
        {
            Assert.That(refused!.Message, Does.Contain("AllowInsecureHttp"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "sent once allowed");
            Assert.That(error!.Status, Is.EqualTo(500));
        });
    }

    [Test]
    public void Plain_http_needs_AllowInsecureHttp_through_dependency_injection_too()
    {
        var services = new ServiceCollection();
        services.AddContacts().AddWazzupV3(options =>
        {
            options.ApiKey = Evidence.NewSecret();
            options.BaseUri = new Uri("http://provider.test/");
        });
        using var provider = services.BuildServiceProvider();

        // Options validation refuses it (at host start too), naming the setting.
        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IContactsClientFactory>().CreateClient("wazzup-v3"));
        Evidence.Scan("http refused (DI)", refused);
        Assert.That(refused!.Message, Does.Contain("AllowInsecureHttp"));
    }

    [Test]
    public async Task The_dependency_injection_pipeline_places_the_token_caps_the_answer_and_logs_no_credential()
    {
        var credentials = Credentials.New(ContactsProviders.WazzupV3);
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new GeneratedContent("{\"data\": [", "{\"id\": \"x\"}, ", 50L * 1024 * 1024, declareLength: true, "application/json"),
        });
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Evidence.LoggerProvider));
        services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => handler));
        services.AddContacts().AddWazzupV3(options =>
        {
            options.ApiKey = credentials.Secret;
            options.BaseUri = _root;
            options.Retry.MaxRetries = 0;
        });
        using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<ContactsClient>();
        Evidence.Scan("DI client", client.ToString());

        var error = Assert.ThrowsAsync<ContactsException>(() => client.GetAsync("crm-42"));
        Evidence.Scan("DI oversized", error);

        Assert.Multiple(() =>
        {
            Assert.That(error!.Kind, Is.EqualTo(ContactsErrorKind.ProviderError));
            Assert.That(error.Message, Does.Contain("MaxResponseBytes"));
            Assert.That(handler.Requests.SelectMany(request => Wire.CredentialViolations(ContactsProviders.WazzupV3, request, credentials)), Is.Empty);
        });
    }

    private static HttpResponseMessage Succeed(FacadeOperation operation)
    {
        var answer = ReliabilityRun.SuccessAnswers[operation.ToString()];
        return new HttpResponseMessage((HttpStatusCode)answer.Status)
        {
            Content = answer.Body is null ? null : new StringContent(answer.Body, Encoding.UTF8, answer.MediaType ?? "application/json"),
        };
    }
}
