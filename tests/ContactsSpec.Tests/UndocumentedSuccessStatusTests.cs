using System.Net;
using ContactsSpec.Clients.Wawp;
using V2 = ContactsSpec.Clients.WazzupV2;
using V3 = ContactsSpec.Clients.WazzupV3;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>
/// No page gives the success status of these writes (specs/README.md, "Success statuses a doc does not give"), so a
/// real 201, 202 or 204 must read as success, in the generated client and through the facade, not as a ProviderError.
/// </summary>
[TestFixture]
public sealed class UndocumentedSuccessStatusTests
{
    private const string V2Processed = """{"data":{"processed":1},"meta":{"timestamp":1759495852}}""";
    private const string V2Deleted = """{"data":null,"meta":{"timestamp":1759393502}}""";

    // ---- Wazzup v3: upsert and delete answer without a documented body ----

    [TestCase(HttpStatusCode.OK)]
    [TestCase(HttpStatusCode.Created)]
    [TestCase(HttpStatusCode.Accepted)]
    [TestCase(HttpStatusCode.NoContent)]
    public async Task WazzupV3_generated_client_takes_any_bodiless_success_of_upsert_and_delete(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(_ => Respond.Status(status));
        using var http = new HttpClient(handler);
        var client = new V3.WazzupV3Client(http);

        await client.UpsertContactsAsync([new V3.Contact { Id = "1", ResponsibleUserId = "1", Name = "3301", ContactData = [new V3.ContactData { ChatType = "whatsapp", ChatId = "79991114433" }] }]);
        await client.DeleteContactAsync("111-2e0df379-0e3c-470f-9b36");

        Assert.That(handler.Requests.Select(request => request.Method), Is.EqualTo(new[] { HttpMethod.Post, HttpMethod.Delete }));
    }

    [TestCase(HttpStatusCode.Created)]
    [TestCase(HttpStatusCode.Accepted)]
    [TestCase(HttpStatusCode.NoContent)]
    public async Task WazzupV3_facade_upsert_upsert_many_and_delete_succeed_on_any_bodiless_success(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(_ => Respond.Status(status));
        using var client = Client(WazzupV3Options(maxRetries: 0), handler);

        var written = await client.UpsertAsync(V3Contact(1));
        var batch = await client.UpsertManyAsync(V3Contacts(3));
        await client.DeleteAsync("111-2e0df379-0e3c-470f-9b36");

        Assert.Multiple(() =>
        {
            Assert.That(written.Outcome, Is.EqualTo(ContactWriteOutcome.Written));
            Assert.That(batch.AllSucceeded, Is.True);
            Assert.That(handler.Requests, Has.Count.EqualTo(3), "one request each, none retried");
        });
    }

    [TestCase(HttpStatusCode.NonAuthoritativeInformation)]
    [TestCase(HttpStatusCode.ResetContent)]
    public async Task WazzupV3_a_2xx_no_write_is_answered_with_stays_an_undocumented_answer(HttpStatusCode status)
    {
        using var client = Client(WazzupV3Options(maxRetries: 0), new ScriptedHandler(_ => Respond.Status(status)));

        var error = await ContactsErrorAsync(() => client.DeleteAsync("1"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.ProviderError));
            Assert.That(error.Message, Does.Contain($"({(int)status})"), "the message names the status no spec declares");
        });
    }

    // ---- Wawp and Wazzup v2: the success body is documented, its status is not ----

    [TestCase(HttpStatusCode.OK)]
    [TestCase(HttpStatusCode.Created)]
    [TestCase(HttpStatusCode.Accepted)]
    public async Task Wawp_generated_client_and_facade_take_the_documented_body_with_any_status_that_carries_one(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"ok": true}""", status));
        using var http = new HttpClient(handler);
        using var facade = Client(WawpOptions(maxRetries: 0), handler);

        var answer = await new WawpClient(http) { InstanceId = WawpInstanceId, AccessToken = WawpAccessToken }.UpsertContactAsync("123456789@c.us", new ContactName { FirstName = "John" });
        var written = await facade.UpsertAsync(new Contact { Id = "123456789@c.us", FirstName = "John" });

        Assert.Multiple(() =>
        {
            Assert.That(answer.Ok, Is.True);
            Assert.That(written.Outcome, Is.EqualTo(ContactWriteOutcome.Written));
        });
    }

    [Test]
    public async Task Wawp_a_204_lacks_the_documented_ok_and_is_an_undocumented_answer()
    {
        using var client = Client(WawpOptions(maxRetries: 0), new ScriptedHandler(_ => Respond.Status(HttpStatusCode.NoContent)));

        var error = await ContactsErrorAsync(() => client.UpsertAsync(new Contact { Id = "123456789@c.us", FirstName = "John" }));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.ProviderError));
            Assert.That(error.Message, Does.Contain("(204)"), "the message names the status the spec does not declare");
        });
    }

    [TestCase(HttpStatusCode.OK)]
    [TestCase(HttpStatusCode.Created)]
    [TestCase(HttpStatusCode.Accepted)]
    public async Task WazzupV2_generated_client_takes_the_documented_bodies_with_any_status_that_carries_one(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(request => Respond.Json(request.Method == HttpMethod.Delete ? V2Deleted : V2Processed, status));
        using var http = new HttpClient(handler);
        var client = new V2.WazzupV2Client(http);
        var contacts = new V2.ContactsRequest { Contacts = [WazzupV2Contact()] };

        var created = await client.CreateContactsAsync(contacts);
        var updated = await client.UpdateContactsAsync(contacts);
        var deleted = await client.DeleteContactsAsync(new V2.DeleteContactsRequest { Contact_ids = ["contacts1"] });

        Assert.Multiple(() =>
        {
            Assert.That(created.Data?.Processed, Is.EqualTo(1));
            Assert.That(updated.Data?.Processed, Is.EqualTo(1));
            Assert.That(deleted.Meta?.Timestamp, Is.EqualTo(1759393502));
        });
    }

    [TestCase(HttpStatusCode.Created)]
    [TestCase(HttpStatusCode.Accepted)]
    public async Task WazzupV2_facade_upsert_and_delete_succeed_on_any_status_that_carries_the_documented_body(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(request => Respond.Json(request.Method == HttpMethod.Delete ? V2Deleted : V2Processed, status));
        using var client = Client(WazzupV2Options(maxRetries: 0), handler);

        var written = await client.UpsertAsync(V2Contact);
        await client.DeleteAsync("contacts1");

        Assert.Multiple(() =>
        {
            Assert.That(written.Outcome, Is.EqualTo(ContactWriteOutcome.Written));
            Assert.That(handler.Requests.Select(request => request.Method), Is.EqualTo(new[] { HttpMethod.Post, HttpMethod.Delete }));
        });
    }

    private static V2.Contact WazzupV2Contact() => new()
    {
        Id = "contacts1",
        Responsible_user_id = "1",
        Name = "TestContact",
        Uri = "https://example.com/contact/1",
        Contact_data = [new V2.ContactData { Chat_type = "whatsapp", Chat_id = "79999999999" }],
    };
}
