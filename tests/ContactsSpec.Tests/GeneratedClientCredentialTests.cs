using System.Reflection;
using ContactsSpec.Clients.Wamm;
using ContactsSpec.Clients.Wasms;
using ContactsSpec.Clients.Wawp;
using ContactsSpec.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContactsSpec.Tests;

/// <summary>
/// The NSwag clients of the providers that take credentials as request parameters (WAMM's path segment, Wawp's query,
/// WaSMS's query or form field) hold them once, as client properties (specs/nswag-templates/Client.Class.liquid), and
/// send them where the spec puts them; no operation takes one as an argument.
/// </summary>
[TestFixture]
public sealed class GeneratedClientCredentialTests
{
    private const string WammAnswer = """{"err":0,"result":"delete"}""";
    private const string WasmsAnswer = """{"status":200,"message":"Contact has been saved!","data":false}""";

    [Test]
    public async Task A_wamm_token_set_once_is_the_path_segment_of_every_operation()
    {
        var handler = new ScriptedHandler(_ => Respond.Json(WammAnswer));
        using var http = new HttpClient(handler);
        var client = new WammClient(http) { Token = "tok/en 1" };

        await client.ContactDeleteAsync("79001234567");
        await client.ContactToUserAsync("79001234567", "7");

        Assert.That(handler.Requests.Select(request => request.Uri.AbsoluteUri), Is.EqualTo(new[]
        {
            "https://wamm.chat/api2/contact_delete/tok%2Fen%201/?phone=79001234567",
            "https://wamm.chat/api2/contact_to_user/tok%2Fen%201/79001234567/7",
        }));
    }

    [Test]
    public async Task Wawp_credentials_set_once_go_in_the_query()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"ok":true}"""));
        using var http = new HttpClient(handler);
        var client = new WawpClient(http) { InstanceId = "instance-1", AccessToken = "token&1" };

        await client.UpsertContactAsync("79001234567@c.us", new ContactName { FirstName = "Ivan" });

        var request = handler.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Query("instance_id"), Is.EqualTo("instance-1"));
            Assert.That(request.Query("access_token"), Is.EqualTo("token&1"));
            Assert.That(request.Body, Does.Not.Contain("instance").And.Not.Contain("token"));
        });
    }

    [Test]
    public async Task A_wasms_secret_set_once_is_a_form_field_on_post_and_a_query_parameter_on_get()
    {
        var handler = new ScriptedHandler(_ => Respond.Json(WasmsAnswer));
        using var http = new HttpClient(handler);
        var client = new WasmsClient(http) { Secret = "secret 1" };

        await client.CreateContactAsync("+923012345678", "Martin Crater");
        await client.GetContactsAsync(limit: 5);

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests[0].Body, Is.EqualTo("secret=secret+1&phone=%2B923012345678&name=Martin+Crater"));
            Assert.That(handler.Requests[0].Uri.Query, Is.Empty);
            Assert.That(handler.Requests[1].Query("secret"), Is.EqualTo("secret 1"));
            Assert.That(handler.Requests[1].Query("limit"), Is.EqualTo("5"));
        });
    }

    [Test]
    public void An_operation_called_while_a_credential_is_unset_throws_before_sending_and_names_it()
    {
        var handler = new ScriptedHandler(_ => Respond.Json(WammAnswer));
        using var http = new HttpClient(handler);

        var wamm = Assert.ThrowsAsync<InvalidOperationException>(() => new WammClient(http).ContactGetAsync("79001234567"));
        var wawp = Assert.ThrowsAsync<InvalidOperationException>(() => new WawpClient(http) { InstanceId = "i" }.UpsertContactAsync("1@c.us", new ContactName()));
        var wasms = Assert.ThrowsAsync<InvalidOperationException>(() => new WasmsClient(http).CreateGroupAsync("Friends"));

        Assert.Multiple(() =>
        {
            Assert.That(wamm!.Message, Does.StartWith("WammClient.Token is not set"));
            Assert.That(wawp!.Message, Does.StartWith("WawpClient.AccessToken is not set"));
            Assert.That(wasms!.Message, Does.StartWith("WasmsClient.Secret is not set"));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task The_registration_sets_the_credentials_once_on_every_client_it_creates()
    {
        var handler = new ScriptedHandler(_ => Respond.Json(WammAnswer));
        var services = new ServiceCollection();
        services.AddWammClient(http => http.BaseAddress = new Uri("https://wamm.proxy.test/"), client => client.Token = "token-1")
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IWammClient>().ContactDeleteAsync("1");
        await provider.GetRequiredService<IWammClient>().ContactDeleteAsync("2");

        Assert.That(handler.Requests.Select(request => request.Uri.AbsoluteUri), Is.EqualTo(new[]
        {
            "https://wamm.proxy.test/api2/contact_delete/token-1/?phone=1",
            "https://wamm.proxy.test/api2/contact_delete/token-1/?phone=2",
        }));
    }

    [Test]
    public async Task The_registration_configures_the_http_client_as_the_factory_does_so_a_chained_configuration_comes_last()
    {
        var handler = new ScriptedHandler(_ => Respond.Json(WammAnswer));
        var services = new ServiceCollection();
        services.AddWammClient(http => http.BaseAddress = new Uri("https://first.test/"), client => client.Token = "token-1")
            .ConfigureHttpClient(http => http.BaseAddress = new Uri("https://chained.test/"))
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IWammClient>().ContactDeleteAsync("1");
        using var named = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IWammClient));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Single().Uri.Host, Is.EqualTo("chained.test"));
            Assert.That(named.BaseAddress, Is.EqualTo(new Uri("https://chained.test/")), "the named client the registration configures");
        });
    }

    [Test]
    public void An_empty_credential_counts_as_unset()
    {
        var handler = new ScriptedHandler(_ => Respond.Json(WammAnswer));
        using var http = new HttpClient(handler);

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => new WasmsClient(http) { Secret = string.Empty }.GetContactsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("WasmsClient.Secret is not set"));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [TestCase(typeof(WammClient), "token")]
    [TestCase(typeof(WawpClient), "instance_id")]
    [TestCase(typeof(WawpClient), "access_token")]
    [TestCase(typeof(WasmsClient), "secret")]
    public void No_operation_takes_a_credential_as_an_argument(Type client, string credential)
    {
        var methods = client.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Concat(client.GetInterface($"I{client.Name}")!.GetMethods())
            .Where(method => method.Name.EndsWith("Async", StringComparison.Ordinal));

        // Compared without case or separators, so that a generator renaming instance_id to instanceId is still caught.
        static string Normalized(string? name) => (name ?? string.Empty).Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.That(methods.SelectMany(method => method.GetParameters()).Select(parameter => Normalized(parameter.Name)), Has.None.EqualTo(Normalized(credential)));
    }
}
