using System.Net;
using System.Net.Http.Headers;
using ContactsSpec.Clients.WazzupV3;
using GeneratedContact = ContactsSpec.Clients.WazzupV3.Contact;
using ContactsSpec.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>
/// What our NSwag client template (specs/nswag-templates/Client.Class.liquid) promises beyond the conformance suite:
/// it copies response headers only when something reads them, yet an exception and an override of
/// <c>ReadObjectResponseAsync</c> still see every header; it writes URLs escaped as NSwag's template did; and it
/// skips only an empty <c>AdditionalProperties</c> bag; and each client registers itself with IHttpClientFactory.
/// </summary>
[TestFixture]
public sealed class GeneratedClientTemplateTests
{
    [Test]
    public void An_error_status_exception_carries_the_response_headers()
    {
        var handler = new ScriptedHandler(_ => WithTraceHeader(Respond.TooManyRequests(7)));
        using var http = new HttpClient(handler);

        var error = Assert.ThrowsAsync<WazzupV3ClientException>(() => new WazzupV3Client(http).GetContactAsync("1"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(429));
            Assert.That(error.Headers["Retry-After"], Is.EqualTo(new[] { "7" }));
            Assert.That(error.Headers["X-Provider-Trace"], Is.EqualTo(new[] { "trace-1" }));
        });
    }

    [Test]
    public void A_body_that_is_not_json_fails_with_the_headers_still_readable_after_the_response_is_gone()
    {
        var handler = new ScriptedHandler(_ => WithTraceHeader(Respond.Json("{not json")));
        using var http = new HttpClient(handler);

        var error = Assert.ThrowsAsync<WazzupV3ClientException>(() => new WazzupV3Client(http).GetContactAsync("1"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("Could not deserialize the response body stream as ContactsSpec.Clients.WazzupV3.Contact."));
            Assert.That(error.InnerException, Is.InstanceOf<System.Text.Json.JsonException>());
            Assert.That(error.Headers["X-Provider-Trace"], Is.EqualTo(new[] { "trace-1" }));
            Assert.That(error.Headers.Keys, Does.Contain("Content-Type"), "content headers are copied too");
        });
    }

    [Test]
    public async Task An_override_of_ReadObjectResponseAsync_sees_every_header()
    {
        var handler = new ScriptedHandler(_ => WithTraceHeader(Respond.Json(V3ContactJson("1"))));
        using var http = new HttpClient(handler);
        var client = new HeaderReadingClient(http);

        var contact = await client.GetContactAsync("1");

        Assert.Multiple(() =>
        {
            Assert.That(contact.Id, Is.EqualTo("1"));
            Assert.That(client.Seen!["X-Provider-Trace"], Is.EqualTo(new[] { "trace-1" }));
            Assert.That(client.Seen.ContainsKey("Content-Type"), Is.True);
        });
    }

    [Test]
    public async Task Path_values_are_escaped_and_numbers_written_invariantly()
    {
        var handler = new ScriptedHandler(request => request.Uri.AbsolutePath.EndsWith("/contacts", StringComparison.Ordinal)
            ? Respond.Json("""{"count":0,"data":[]}""")
            : Respond.Json(V3ContactJson("a b/ç?")));
        using var http = new HttpClient(handler);
        var client = new WazzupV3Client(http);

        await client.GetContactAsync("a b/ç?");
        await client.ListContactsAsync(1200);
        await client.ListContactsAsync();

        Assert.That(handler.Requests.Select(request => request.Uri.AbsoluteUri), Is.EqualTo(new[]
        {
            "https://api.wazzup24.com/v3/contacts/a%20b%2F%C3%A7%3F",
            "https://api.wazzup24.com/v3/contacts?offset=1200",
            "https://api.wazzup24.com/v3/contacts",
        }));
    }

    [Test]
    public async Task Additional_properties_are_sent_when_there_are_some_and_an_empty_bag_writes_nothing()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.OK));
        using var http = new HttpClient(handler);
        var withExtra = new GeneratedContact { Id = "1", ResponsibleUserId = "2", Name = "A", ContactData = [new ContactData { ChatType = "whatsapp", ChatId = "79991114433" }] };
        withExtra.AdditionalProperties["crmField"] = 7;
        var plain = new GeneratedContact { Id = "3", ResponsibleUserId = "2", Name = "B", ContactData = [new ContactData { ChatType = "telegram", ChatId = "42" }] };
        _ = plain.AdditionalProperties.Count;

        await new WazzupV3Client(http).UpsertContactsAsync([withExtra, plain]);

        Assert.That(handler.Requests.Single().Body, Is.EqualTo(
            """[{"id":"1","responsibleUserId":"2","name":"A","contactData":[{"chatType":"whatsapp","chatId":"79991114433"}],"crmField":7},"""
            + """{"id":"3","responsibleUserId":"2","name":"B","contactData":[{"chatType":"telegram","chatId":"42"}]}]"""));
    }

    [Test]
    public async Task A_generated_client_registers_itself_with_the_http_client_factory_and_takes_its_credential_once()
    {
        var handler = new ScriptedHandler(_ => Respond.Json(V3ContactJson("1")));
        var services = new ServiceCollection();
        services.AddWazzupV3Client(http =>
        {
            http.BaseAddress = new Uri("https://wazzup.proxy.test/");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "key-1");
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IWazzupV3Client>().GetContactAsync("1");
        await provider.GetRequiredService<IWazzupV3Client>().GetContactAsync("2");

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Select(request => request.Uri.AbsoluteUri), Is.EqualTo(new[]
            {
                "https://wazzup.proxy.test/v3/contacts/1",
                "https://wazzup.proxy.test/v3/contacts/2",
            }));
            Assert.That(handler.Requests.Select(request => request.Header("Authorization")), Is.All.EqualTo("Bearer key-1"));
        });
    }

    [TestCase(typeof(ContactsSpec.Clients.Wamm.WammClient))]
    [TestCase(typeof(ContactsSpec.Clients.Wasms.WasmsClient))]
    [TestCase(typeof(ContactsSpec.Clients.Wawp.WawpClient))]
    [TestCase(typeof(ContactsSpec.Clients.WazzupV2.WazzupV2Client))]
    [TestCase(typeof(WazzupV3Client))]
    public void Every_generated_client_has_its_registration(Type client)
    {
        var services = new ServiceCollection();
        var extensions = client.Assembly.GetType($"{client.FullName}ServiceCollectionExtensions");
        var add = extensions?.GetMethod($"Add{client.Name}");

        // Every parameter after the services is optional (the clients with credentials have a second hook for them).
        var builder = add?.Invoke(null, [services, .. Enumerable.Repeat<object?>(null, add.GetParameters().Length - 1)]) as IHttpClientBuilder;

        using var provider = services.BuildServiceProvider();
        var contract = client.GetInterface($"I{client.Name}")!;
        Assert.Multiple(() =>
        {
            Assert.That(builder, Is.Not.Null, $"{client.Name}ServiceCollectionExtensions.Add{client.Name}(services, configureClient)");
            Assert.That(provider.GetRequiredService(contract), Is.InstanceOf(client));
        });
    }

    private static HttpResponseMessage WithTraceHeader(HttpResponseMessage response)
    {
        response.Headers.Add("X-Provider-Trace", "trace-1");
        return response;
    }

    private sealed class HeaderReadingClient(HttpClient http) : WazzupV3Client(http)
    {
        public Dictionary<string, IEnumerable<string>>? Seen { get; private set; }

        protected override Task<ObjectResponseResult<T>> ReadObjectResponseAsync<T>(
            HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, CancellationToken cancellationToken)
        {
            Seen = headers.ToDictionary(header => header.Key, header => header.Value);
            return base.ReadObjectResponseAsync<T>(response, headers, cancellationToken);
        }
    }
}
