using System.Net;
using ContactsSpec.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary><c>services.AddContacts()</c>: clients through IHttpClientFactory, one named client per provider.</summary>
[TestFixture]
public sealed class DependencyInjectionTests
{
    private static void UseTransport(IServiceCollection services, string provider, ScriptedHandler handler) =>
        services.AddHttpClient(ContactsBuilder.HttpClientName(provider)).ConfigurePrimaryHttpMessageHandler(() => handler);

    [Test]
    public async Task A_single_provider_resolves_as_contacts_client_and_sends_its_bearer_key()
    {
        var handler = new ScriptedHandler(_ => Respond.Json(V3ContactJson("1")));
        var services = new ServiceCollection();
        services.AddContacts().AddWazzupV3(o => o.ApiKey = "k");
        UseTransport(services, ContactsProviders.WazzupV3, handler);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ContactsClient>();
        var contact = await client.GetAsync("1");

        Assert.Multiple(() =>
        {
            Assert.That(client.Provider, Is.EqualTo("wazzup-v3"));
            Assert.That(contact.Id, Is.EqualTo("1"));
            Assert.That(handler.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer k"));
            Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("https://api.wazzup24.com/v3/contacts/1"));
        });
    }

    [Test]
    public async Task Options_configured_through_di_are_applied()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.InternalServerError));
        var services = new ServiceCollection();
        services.AddContacts().AddWazzupV3(o =>
        {
            o.ApiKey = "k";
            o.BaseUri = new Uri("https://wazzup.proxy.test/");
            o.Retry.MaxRetries = 1;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        });
        UseTransport(services, ContactsProviders.WazzupV3, handler);
        using var provider = services.BuildServiceProvider();

        var error = await ContactsErrorAsync(() => provider.GetRequiredService<ContactsClient>().GetAsync("1"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.ProviderError));
            Assert.That(handler.Requests, Has.Count.EqualTo(2));
            Assert.That(handler.Requests.Select(r => r.Uri.Host), Is.All.EqualTo("wazzup.proxy.test"));
        });
    }

    [Test]
    public async Task With_two_providers_the_factory_creates_each_by_key()
    {
        var wazzup = new ScriptedHandler(_ => Respond.Json(V3ContactJson("1")));
        var wamm = new ScriptedHandler(_ => Respond.Json("""{"err": 0, "data": {"phone": "79001234567", "name": "Ivan Petrov"}}"""));
        var services = new ServiceCollection();
        services.AddContacts().AddWazzupV3(o => o.ApiKey = "k").AddWamm(o => o.Token = WammToken);
        UseTransport(services, ContactsProviders.WazzupV3, wazzup);
        UseTransport(services, ContactsProviders.Wamm, wamm);
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IContactsClientFactory>();

        var v3 = factory.CreateClient("wazzup-v3");
        var viaWamm = factory.CreateClient("wamm");
        await v3.GetAsync("1");
        await viaWamm.GetAsync("79001234567");

        Assert.Multiple(() =>
        {
            Assert.That(factory.Providers, Is.EquivalentTo(new[] { "wazzup-v3", "wamm" }));
            Assert.That(v3.Provider, Is.EqualTo("wazzup-v3"));
            Assert.That(viaWamm.Provider, Is.EqualTo("wamm"));
            Assert.That(wazzup.Requests, Has.Count.EqualTo(1), "each provider's named client has its own transport");
            Assert.That(wamm.Requests, Has.Count.EqualTo(1));
            Assert.That(wamm.Requests.Single().Header("Authorization"), Is.Null, "WAMM's token goes in the path, not a bearer header");
            Assert.That(wamm.Requests.Single().Uri.AbsolutePath, Is.EqualTo($"/api2/contact_get/{WammToken}/79001234567"));
        });
    }

    [Test]
    public void With_two_providers_the_unnamed_client_is_ambiguous()
    {
        var services = new ServiceCollection();
        services.AddContacts().AddWazzupV3(o => o.ApiKey = "k").AddWamm(o => o.Token = WammToken);
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IContactsClientFactory>();

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
        Assert.That(error!.Message, Does.Contain("wazzup-v3").And.Contain("wamm"));
        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ContactsClient>());
    }

    [Test]
    public void An_unregistered_provider_is_refused_naming_the_registered_ones()
    {
        var services = new ServiceCollection();
        services.AddContacts().AddWazzupV3(o => o.ApiKey = "k").AddWamm(o => o.Token = WammToken);
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IContactsClientFactory>();

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient("wasms"));
        Assert.That(error!.Message, Does.Contain("wasms").And.Contain("wazzup-v3").And.Contain("wamm"));
    }

    [Test]
    public void No_provider_registered_is_refused()
    {
        var services = new ServiceCollection();
        services.AddContacts();
        using var provider = services.BuildServiceProvider();

        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IContactsClientFactory>().CreateClient());
    }

    [Test]
    public void A_missing_credential_is_refused_when_the_client_is_created()
    {
        var services = new ServiceCollection();
        services.AddContacts().AddWasms(o => o.BaseUri = new Uri("https://sys.wasms.net/api"));
        using var provider = services.BuildServiceProvider();

        // Options validation refuses them (and, with a host, at start: below), naming the account and the setting.
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IContactsClientFactory>().CreateClient("wasms"));
        Assert.That(error!.Message, Does.Contain("Secret").And.Contain("'wasms'"));
    }

    [Test]
    public void A_host_with_an_invalid_account_fails_when_it_starts_naming_the_account_and_setting()
    {
        var services = new ServiceCollection();
        services.AddContacts().Add<WazzupV3ContactsOptions>("tenant-a", o => o.BaseUri = new Uri("http://plain.example"));
        using var provider = services.BuildServiceProvider();

        // What a .NET host runs when it starts (ValidateOnStart).
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("'tenant-a'").And.Contain("wazzup-v3").And.Contain("BaseUri"));
    }

    [Test]
    public async Task Two_accounts_of_one_provider_each_send_their_own_key_through_their_own_client()
    {
        var tenantA = new ScriptedHandler(_ => Respond.Json(V3ContactJson("1")));
        var tenantB = new ScriptedHandler(_ => Respond.Json(V3ContactJson("1")));
        var services = new ServiceCollection();
        var contacts = services.AddContacts()
            .Add<WazzupV3ContactsOptions>("tenant-a", o => o.ApiKey = "key-a")
            .Add<WazzupV3ContactsOptions>("tenant-b", o => o.ApiKey = "key-b");
        contacts.HttpClient("tenant-a").ConfigurePrimaryHttpMessageHandler(() => tenantA);
        contacts.HttpClient("tenant-b").ConfigurePrimaryHttpMessageHandler(() => tenantB);
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IContactsClientFactory>();

        await factory.CreateClient("tenant-a").GetAsync("1");
        await factory.CreateClient("tenant-b").GetAsync("1");

        Assert.Multiple(() =>
        {
            Assert.That(factory.Providers, Is.EquivalentTo(new[] { "tenant-a", "tenant-b" }));
            Assert.That(tenantA.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer key-a"));
            Assert.That(tenantB.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer key-b"));
        });
    }

    [Test]
    public void Adding_two_accounts_under_one_name_is_refused_rather_than_keeping_one()
    {
        var contacts = new ServiceCollection().AddContacts().AddWazzupV3(o => o.ApiKey = "a");

        Assert.Throws<InvalidOperationException>(() => contacts.AddWazzupV3(o => o.ApiKey = "b"));
    }

    [Test]
    public async Task An_account_binds_its_options_from_configuration()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.InternalServerError));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Contacts:Crm:ApiKey"] = "key-from-configuration",
            ["Contacts:Crm:BaseUri"] = "https://wazzup.proxy.test/",
            ["Contacts:Crm:Retry:MaxRetries"] = "1",
            ["Contacts:Crm:Retry:BaseDelay"] = "00:00:00.001",
        }).Build();
        var services = new ServiceCollection();
        services.AddContacts().Add<WazzupV3ContactsOptions>("crm", configuration.GetSection("Contacts:Crm")).HttpClient("crm").ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        await ContactsErrorAsync(() => provider.GetRequiredService<IContactsClientFactory>().CreateClient("crm").GetAsync("1"));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(2), "Retry:MaxRetries bound");
            Assert.That(handler.Requests.Select(request => request.Uri.Host), Is.All.EqualTo("wazzup.proxy.test"));
            Assert.That(handler.Requests[0].Header("Authorization"), Is.EqualTo("Bearer key-from-configuration"));
        });
    }

    [Test]
    public async Task A_di_client_logs_no_request_uri_so_no_path_credential()
    {
        var logs = new CapturingLoggerProvider();
        var handler = new ScriptedHandler(request => request.Sequence == 0
            ? Respond.Json("""{"err": 0, "result": "insert"}""")
            : Respond.Json("""{"err": "token fail"}"""));
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddContacts().AddWamm(o =>
        {
            o.Token = WammToken;
            o.Retry.MaxRetries = 0;
        });
        UseTransport(services, ContactsProviders.Wamm, handler);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ContactsClient>();

        await client.UpsertAsync(new Contact { Phone = "79001234567", Name = "Ivan Petrov" });
        await ContactsErrorAsync(() => client.GetAsync("79001234567"));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Select(r => r.Uri.AbsolutePath), Has.All.Contains(WammToken), "the token did travel in the path");
            Assert.That(logs.Lines, Has.Some.Contains("wamm.chat"), "the exchange was logged, by host");
            Assert.That(logs.Lines, Has.None.Contains(WammToken));
            Assert.That(logs.Lines, Has.None.Contains("/api2/"), "no request path is logged");
            Assert.That(logs.Lines, Has.None.Contains("79001234567"), "nor the query or path values");
        });
    }

    [Test]
    public async Task Di_registers_a_named_client_per_provider()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"ok": true}"""));
        var services = new ServiceCollection();
        services.AddContacts().AddWawp(o =>
        {
            o.InstanceId = WawpInstanceId;
            o.AccessToken = WawpAccessToken;
        });
        UseTransport(services, ContactsProviders.Wawp, handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ContactsClient>().UpsertAsync(new Contact { Id = "123456789@c.us", FirstName = "John" });

        Assert.Multiple(() =>
        {
            Assert.That(ContactsBuilder.HttpClientName("wawp"), Is.Not.EqualTo(ContactsBuilder.HttpClientName("wamm")));
            Assert.That(handler.Requests.Single().Query("access_token"), Is.EqualTo(WawpAccessToken));
            Assert.That(handler.Requests.Single().Header("Authorization"), Is.Null);
        });
    }
}
