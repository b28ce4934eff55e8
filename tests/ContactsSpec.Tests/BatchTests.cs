using System.Globalization;
using System.Net;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>Batches: chunked to the provider's limit, one result per input item in input order, failures kept per chunk.</summary>
[TestFixture]
public sealed class BatchTests
{
    private static List<string> Ids(int from, int count) => [.. Enumerable.Range(from, count).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    private static void AssertOneResultPerItemInOrder(ContactBatchResult result, List<string> keys)
    {
        Assert.That(result.Items.Select(item => item.Index), Is.EqualTo(Enumerable.Range(0, keys.Count)));
        Assert.That(result.Items.Select(item => item.Key), Is.EqualTo(keys));
    }

    [Test]
    public async Task WazzupV3_upsert_of_250_contacts_is_sent_as_chunks_of_100_100_and_50()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.OK));
        using var client = Client(WazzupV3Options(), handler);
        var contacts = V3Contacts(250);

        var result = await client.UpsertManyAsync(contacts);

        var requests = handler.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(requests, Has.Count.EqualTo(3));
            Assert.That(requests.Select(r => r.Method), Is.All.EqualTo(HttpMethod.Post));
            Assert.That(requests.Select(r => r.Uri.AbsolutePath), Is.All.EqualTo("/v3/contacts"));
            Assert.That(requests.Select(r => IdsInBody(r)), Is.EquivalentTo(new[] { Ids(0, 100), Ids(100, 100), Ids(200, 50) }),
                "each request carries one contiguous chunk, in input order");
            AssertOneResultPerItemInOrder(result, Ids(0, 250));
            Assert.That(result.Items.Select(item => item.Status), Is.All.EqualTo(ContactBatchItemStatus.Succeeded));
            Assert.That(result.Items.Select(item => item.Error), Is.All.Null);
            Assert.That(result.AllSucceeded, Is.True);
        });
    }

    [Test]
    public async Task WazzupV3_chunk_body_has_the_spec_shape()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.OK));
        using var client = Client(WazzupV3Options(), handler);

        await client.UpsertManyAsync([V3Contact(0) with { Id = "1", Name = "3301", Channels = [new ContactChannel { ChatType = ChatType.WhatsApp, ChatId = "79991114433" }] }]);

        using var body = System.Text.Json.JsonDocument.Parse(handler.Requests[0].Body!);
        var item = body.RootElement[0];
        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests[0].Header("Content-Type"), Does.StartWith("application/json"));
            Assert.That(item.GetProperty("id").GetString(), Is.EqualTo("1"));
            Assert.That(item.GetProperty("responsibleUserId").GetString(), Is.EqualTo("1"));
            Assert.That(item.GetProperty("name").GetString(), Is.EqualTo("3301"));
            Assert.That(item.GetProperty("uri").GetString(), Is.EqualTo("https://link-to-contact-in-crm.com"));
            Assert.That(item.GetProperty("contactData")[0].GetProperty("chatType").GetString(), Is.EqualTo("whatsapp"));
            Assert.That(item.GetProperty("contactData")[0].GetProperty("chatId").GetString(), Is.EqualTo("79991114433"));
            Assert.That(item.GetProperty("contactData")[0].TryGetProperty("username", out _), Is.False, "unset optional fields are omitted");
        });
    }

    [Test]
    public async Task WazzupV3_invalid_contacts_data_fails_only_its_chunk_and_maps_the_index_into_the_input()
    {
        const string invalid = """{"error":"INVALID_CONTACTS_DATA","description":"One or more of provided contacts data are not valid.","data":[{"index":3,"fields":["name"]}]}""";
        var handler = new ScriptedHandler(request => IdsInBody(request)[0] == "100"
            ? Respond.Json(invalid, HttpStatusCode.BadRequest)
            : Respond.Status(HttpStatusCode.OK));
        using var client = Client(WazzupV3Options(), handler);

        var result = await client.UpsertManyAsync(V3Contacts(250));

        var items = result.Items;
        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(3), "a 400 is not retried");
            AssertOneResultPerItemInOrder(result, Ids(0, 250));
            Assert.That(items.Take(100).Concat(items.Skip(200)).Select(i => i.Status), Is.All.EqualTo(ContactBatchItemStatus.Succeeded));
            Assert.That(items.Skip(100).Take(100).Select(i => i.Status), Is.All.EqualTo(ContactBatchItemStatus.Failed));
            Assert.That(items.Skip(100).Take(100).Select(i => i.Error!.Kind), Is.All.EqualTo(ContactsErrorKind.InvalidInput));
            Assert.That(items.Skip(100).Take(100).Select(i => i.Error!.ProviderCode), Is.All.EqualTo("INVALID_CONTACTS_DATA"));
            Assert.That(items.Skip(100).Take(100).Select(i => i.Error!.Status), Is.All.EqualTo(400));

            var culprit = items[103].Error!;
            Assert.That(culprit.FieldErrors.Select(e => (e.Index, e.Field)), Is.EqualTo(new[] { (103, "name") }));
            Assert.That(items.Skip(100).Take(100).Where(i => i.Index != 103).Select(i => i.Error!.FieldErrors), Is.All.Empty,
                "items the provider did not name carry no field errors of their own");
            Assert.That(result.Failed.Count(), Is.EqualTo(100));
            Assert.That(result.Succeeded.Count(), Is.EqualTo(150));
        });
    }

    [Test]
    public async Task WazzupV3_authentication_failure_on_the_first_chunk_leaves_later_chunks_not_attempted()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.Unauthorized));
        var options = WazzupV3Options();
        options.MaxConcurrency = 1;
        using var client = Client(options, handler);

        var result = await client.UpsertManyAsync(V3Contacts(250));

        var items = result.Items;
        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(1), "bad credentials fail every chunk alike; sending more is pointless");
            AssertOneResultPerItemInOrder(result, Ids(0, 250));
            Assert.That(items.Take(100).Select(i => i.Status), Is.All.EqualTo(ContactBatchItemStatus.Failed));
            Assert.That(items.Skip(100).Select(i => i.Status), Is.All.EqualTo(ContactBatchItemStatus.NotAttempted));
            Assert.That(items.Select(i => i.Error!.Kind), Is.All.EqualTo(ContactsErrorKind.Authentication), "not-attempted items say why");
            Assert.That(result.NotAttempted.Count(), Is.EqualTo(150));
            Assert.That(result.AllSucceeded, Is.False);
        });
    }

    [Test]
    public async Task WazzupV3_server_error_on_one_chunk_does_not_stop_the_others()
    {
        var handler = new ScriptedHandler(request => IdsInBody(request)[0] == "0"
            ? Respond.Status(HttpStatusCode.InternalServerError)
            : Respond.Status(HttpStatusCode.OK));
        var options = WazzupV3Options(maxRetries: 1);
        options.MaxConcurrency = 1;
        using var client = Client(options, handler);

        var result = await client.UpsertManyAsync(V3Contacts(250));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(4), "the failing chunk is tried twice (1 retry), the others once");
            Assert.That(result.Items.Take(100).Select(i => i.Status), Is.All.EqualTo(ContactBatchItemStatus.Failed));
            Assert.That(result.Items.Take(100).Select(i => i.Error!.Kind), Is.All.EqualTo(ContactsErrorKind.ProviderError));
            Assert.That(result.Items.Skip(100).Select(i => i.Status), Is.All.EqualTo(ContactBatchItemStatus.Succeeded));
        });
    }

    [Test]
    public async Task WazzupV3_bulk_delete_is_chunked_by_100_and_unknown_ids_fail_as_not_found()
    {
        var ids = Enumerable.Range(0, 230).Select(i => $"contact-id-{i}").ToList();
        var handler = new ScriptedHandler(request => StringsInBody(request).Contains("contact-id-150")
            ? Respond.Json("""["contact-id-150","contact-id-199"]""")
            : Respond.Json("[]"));
        using var client = Client(WazzupV3Options(), handler);

        var result = await client.DeleteManyAsync(ids);

        var requests = handler.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(requests.Select(r => r.Method), Is.All.EqualTo(HttpMethod.Patch));
            Assert.That(requests.Select(r => r.Uri.AbsolutePath), Is.All.EqualTo("/v3/contacts/bulk_delete"));
            Assert.That(requests.Select(StringsInBody), Is.EquivalentTo(new[] { ids[..100], ids[100..200], ids[200..] }));
            AssertOneResultPerItemInOrder(result, ids);
            Assert.That(result.Failed.Select(i => i.Index), Is.EqualTo(new[] { 150, 199 }));
            Assert.That(result.Failed.Select(i => i.Error!.Kind), Is.All.EqualTo(ContactsErrorKind.NotFound));
            Assert.That(result.Failed.Select(i => i.Key), Is.EqualTo(new[] { "contact-id-150", "contact-id-199" }));
            Assert.That(result.Succeeded.Count(), Is.EqualTo(228));
        });
    }

    [Test]
    public async Task WazzupV3_bulk_delete_answered_with_the_spec_example_marks_that_id_not_found()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""["contact-id-456"]"""));
        using var client = Client(WazzupV3Options(), handler);

        var result = await client.DeleteManyAsync(["contact-id-123", "contact-id-456"]);

        Assert.Multiple(() =>
        {
            Assert.That(StringsInBody(handler.Requests.Single()), Is.EqualTo(new[] { "contact-id-123", "contact-id-456" }));
            Assert.That(result.Items[0].Status, Is.EqualTo(ContactBatchItemStatus.Succeeded));
            Assert.That(result.Items[1].Status, Is.EqualTo(ContactBatchItemStatus.Failed));
            Assert.That(result.Items[1].Error!.Kind, Is.EqualTo(ContactsErrorKind.NotFound));
            Assert.That(result.Items[1].Error!.Provider, Is.EqualTo(ContactsProviders.WazzupV3));
        });
    }

    [Test]
    public async Task Empty_batches_send_nothing()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.OK));
        using var client = Client(WazzupV3Options(), handler);

        var upserted = await client.UpsertManyAsync([]);
        var deleted = await client.DeleteManyAsync([]);

        Assert.Multiple(() =>
        {
            Assert.That(upserted.Items, Is.Empty);
            Assert.That(deleted.Items, Is.Empty);
            Assert.That(handler.Requests, Is.Empty, "the spec requires at least one item per request");
        });
    }

    [Test]
    public async Task WazzupV3_batch_chunks_respect_max_concurrency()
    {
        var handler = new ScriptedHandler(async (_, token) =>
        {
            await Task.Delay(20, token);
            return Respond.Status(HttpStatusCode.OK);
        });
        var options = WazzupV3Options();
        options.MaxConcurrency = 2;
        using var client = Client(options, handler);

        var result = await client.UpsertManyAsync(V3Contacts(800));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(8));
            Assert.That(handler.MaxInFlight, Is.InRange(1, 2));
            Assert.That(result.AllSucceeded, Is.True);
        });
    }
}
