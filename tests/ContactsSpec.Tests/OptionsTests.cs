using System.Net;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>Options are checked when a client is made; errors name the setting, never a credential's value.</summary>
[TestFixture]
public sealed class OptionsTests
{
    private const string CredentialMark = "SECRET-";

    private static ScriptedHandler Ok() => new(_ => Respond.Status(HttpStatusCode.OK));

    [Test]
    public async Task A_client_keeps_the_options_it_was_created_with()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"err": 0, "result": "insert"}"""));
        var options = WammOptions();
        using var client = Client(options, handler);

        // Changed after creation: an invalid value that was never validated, a credential and the host.
        options.MaxConcurrency = 0;
        options.Token = "changed-afterwards";
        options.BaseUri = new Uri("https://elsewhere.example");
        var result = await client.UpsertManyAsync([new Contact { Phone = "79001234567", Name = "Ivan" }, new Contact { Phone = "79001234568", Name = "Anna" }]);

        Assert.Multiple(() =>
        {
            Assert.That(result.AllSucceeded, Is.True);
            Assert.That(handler.Requests.Select(request => request.Uri.AbsolutePath), Has.All.Contain(WammToken));
            Assert.That(handler.Requests.Select(request => request.Uri.Host), Is.All.EqualTo(new WammContactsOptions().DefaultBaseUri.Host), "the host the client was created with");
        });
    }

    // Every registered provider, its credentials made up from their names (each starting with CredentialMark): a provider
    // added to the registry is tested here as it is.
    public static IEnumerable<TestCaseData> EveryProvider() =>
        ContactsProviders.Registered.Select(provider => new TestCaseData(
                provider.Key,
                (Func<ContactsClientOptions>)(() => Fast(provider.CreateOptions(provider.Credentials.ToDictionary(
                    credential => credential.Name, credential => $"{CredentialMark}{provider.Key}-{credential.Name}", StringComparer.Ordinal)))))
            .SetArgDisplayNames(provider.Key));

    [TestCaseSource(nameof(EveryProvider))]
    public void Default_base_uri_is_the_spec_server_url(string provider, Func<ContactsClientOptions> create)
    {
        var options = create();

        Assert.Multiple(() =>
        {
            Assert.That(options.Provider, Is.EqualTo(provider));
            Assert.That(options.DefaultBaseUri, Is.EqualTo(SpecDocument.Load(provider).FirstServerUrl()));
            Assert.That(options.BaseUri, Is.EqualTo(options.DefaultBaseUri), "BaseUri defaults to the documented host");
        });
    }

    [TestCaseSource(nameof(EveryProvider))]
    public async Task Requests_go_to_the_configured_base_uri(string provider, Func<ContactsClientOptions> create)
    {
        var options = create();
        options.BaseUri = new Uri("https://proxy.example.test/");
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.InternalServerError));
        using var client = Client(options, handler);

        try
        {
            if (client.Capabilities.Supports(ContactsOperations.DeleteMany))
            {
                await client.DeleteManyAsync(["1"]);
            }
            else
            {
                await client.UpsertAsync(new Contact { Id = "123456789@c.us", FirstName = "John" });
            }
        }
        catch (ContactsException)
        {
            // Only where the request went matters here.
        }

        Assert.That(handler.Requests, Is.Not.Empty, provider);
        Assert.That(handler.Requests.Select(r => r.Uri.Host), Is.All.EqualTo("proxy.example.test"), provider);
    }

    [TestCaseSource(nameof(EveryProvider))]
    public void Plain_http_base_uri_is_refused_unless_allowed(string provider, Func<ContactsClientOptions> create)
    {
        var options = create();
        options.BaseUri = new Uri("http://localhost:8080/");

        var error = Assert.Throws<ArgumentException>(() => new ContactsClient(options, Ok()));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("AllowInsecureHttp"));
            Assert.That(error.Message, Does.Not.Contain(CredentialMark), "no credential the test set, whatever the options call secret");
        });

        options.AllowInsecureHttp = true;
        Assert.DoesNotThrow(() => new ContactsClient(options, Ok()).Dispose(), provider);
    }

    [Test]
    public async Task Plain_http_when_allowed_sends_to_that_address()
    {
        var options = WazzupV3Options();
        options.BaseUri = new Uri("http://localhost:8080/");
        options.AllowInsecureHttp = true;
        var handler = Ok();
        using var client = Client(options, handler);

        await client.DeleteAsync("1");

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("http://localhost:8080/v3/contacts/1"));
    }

    [Test]
    public void A_base_uri_that_is_not_http_is_refused()
    {
        var options = WazzupV3Options();
        options.BaseUri = new Uri("ftp://api.wazzup24.com/");

        Assert.Throws<ArgumentException>(() => new ContactsClient(options, Ok()));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Missing_credential_is_refused_naming_the_setting(string? value)
    {
        var cases = new (ContactsClientOptions Options, string Setting)[]
        {
            (new WazzupV3ContactsOptions { ApiKey = value }, "ApiKey"),
            (new WazzupV2ContactsOptions { ClientAccessToken = value }, "ClientAccessToken"),
            (new WammContactsOptions { Token = value }, "Token"),
            (new WasmsContactsOptions { Secret = value }, "Secret"),
            (new WawpContactsOptions { InstanceId = WawpInstanceId, AccessToken = value }, "AccessToken"),
            (new WawpContactsOptions { InstanceId = value, AccessToken = WawpAccessToken }, "InstanceId"),
        };

        Assert.Multiple(() =>
        {
            foreach (var (options, setting) in cases)
            {
                var error = Assert.Throws<ArgumentException>(() => new ContactsClient(options, Ok()), setting);
                Assert.That(error!.Message, Does.Contain(setting));
                Assert.That(error.Message, Does.Not.Contain(WawpAccessToken).And.Not.Contain(WawpInstanceId), "no value appears, only the setting's name");
            }
        });
    }

    [TestCase("token-with-ü")]
    [TestCase("token with\nline break")]
    public void A_bearer_token_a_header_cannot_carry_is_refused_naming_the_setting_not_the_value(string token)
    {
        var error = Assert.Throws<ArgumentException>(() => new ContactsClient(new WazzupV3ContactsOptions { ApiKey = token }, Ok()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("ApiKey"));
            Assert.That(error.Message, Does.Not.Contain(token));
        });
    }

    [Test]
    public void Invalid_limits_are_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new ContactsClient(With(o => o.MaxConcurrency = 0), Ok()));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ContactsClient(With(o => o.Retry.MaxRetries = -1), Ok()));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ContactsClient(With(o => o.AttemptTimeout = TimeSpan.Zero), Ok()));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ContactsClient(With(o => o.OverallTimeout = TimeSpan.FromSeconds(-1)), Ok()));
        });

        static WazzupV3ContactsOptions With(Action<WazzupV3ContactsOptions> change)
        {
            var options = WazzupV3Options();
            change(options);
            return options;
        }
    }

    [Test]
    public void Defaults_are_the_documented_ones()
    {
        var options = new WazzupV3ContactsOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.Retry.MaxRetries, Is.EqualTo(3));
            Assert.That(options.Retry.BaseDelay, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(options.Retry.MaxDelay, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.OverallTimeout, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(options.MaxConcurrency, Is.EqualTo(4));
            Assert.That(options.UnsupportedFields, Is.EqualTo(UnsupportedFieldPolicy.Reject));
            Assert.That(options.AllowInsecureHttp, Is.False);
        });
    }

    [TestCaseSource(nameof(EveryProvider))]
    public void Options_and_client_descriptions_name_the_provider_but_no_credential(string provider, Func<ContactsClientOptions> create)
    {
        var options = create();
        using var client = Client(options, Ok());

        Assert.Multiple(() =>
        {
            Assert.That(options.ToString(), Does.Contain(provider).And.Not.Contain(CredentialMark));
            Assert.That(client.ToString(), Does.Contain(provider).And.Not.Contain(CredentialMark));
        });
    }

    [Test]
    public void The_transport_passed_in_stays_the_callers()
    {
        var handler = Ok();
        var client = Client(WazzupV3Options(), handler);
        client.Dispose();

        Assert.That(handler.IsDisposed, Is.False, "disposing the client does not dispose a transport it does not own");
        Assert.DoesNotThrowAsync(async () =>
        {
            using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.test/");
            using var response = await invoker.SendAsync(request, CancellationToken.None);
        }, "disposing the client does not dispose a transport it does not own");
    }
}
