using ContactsSpec.Clients.WazzupV3;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>
/// A generated client used on its own, the way <c>AddHttpClient&lt;IWazzupV3Client, WazzupV3Client&gt;(c =&gt;
/// c.BaseAddress = ...)</c> builds it: the HttpClient's BaseAddress decides where requests (and their credentials) go.
/// </summary>
[TestFixture]
public sealed class GeneratedClientBaseAddressTests
{
    [Test]
    public async Task An_http_client_base_address_is_where_requests_go()
    {
        var handler = new ScriptedHandler(_ => Respond.Json(V3ContactJson("1")));
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://wazzup.proxy.test/") };

        await new WazzupV3Client(http).GetContactAsync("1");

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("https://wazzup.proxy.test/v3/contacts/1"));
    }

    [Test]
    public async Task Without_one_the_specs_server_is_the_default()
    {
        var handler = new ScriptedHandler(_ => Respond.Json(V3ContactJson("1")));
        using var http = new HttpClient(handler);

        await new WazzupV3Client(http).GetContactAsync("1");

        Assert.That(handler.Requests.Single().Uri.AbsoluteUri, Is.EqualTo("https://api.wazzup24.com/v3/contacts/1"));
    }
}
