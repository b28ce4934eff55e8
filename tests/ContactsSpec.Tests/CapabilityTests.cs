using System.Globalization;
using System.Net;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>What each provider supports, what happens when asked for more, and fan-out where there is no batch endpoint.</summary>
[TestFixture]
public sealed class CapabilityTests
{
    private static ScriptedHandler Never() => new(_ => Respond.Status(HttpStatusCode.OK));

    private static Contact WammContact(int number) => new()
    {
        Phone = (79001234500L + number).ToString(CultureInfo.InvariantCulture),
        Name = $"Contact {number}",
    };

    [Test]
    public async Task Wawp_get_is_not_supported_and_sends_nothing()
    {
        var handler = Never();
        using var client = Client(WawpOptions(), handler);

        var error = await ContactsErrorAsync(() => client.GetAsync("123456789@c.us"));

        AssertNotSupported(error, handler, "wawp", "Get");
    }

    [Test]
    public async Task Wawp_list_is_not_supported_and_sends_nothing()
    {
        var handler = Never();
        using var client = Client(WawpOptions(), handler);

        var error = await ContactsErrorAsync(async () =>
        {
            await foreach (var contact in client.ListAsync())
            {
            }
        });

        AssertNotSupported(error, handler, "wawp", "List");
    }

    [Test]
    public async Task Wawp_delete_is_not_supported_and_sends_nothing()
    {
        var handler = Never();
        using var client = Client(WawpOptions(), handler);

        var error = await ContactsErrorAsync(() => client.DeleteAsync("123456789@c.us"));

        AssertNotSupported(error, handler, "wawp", "Delete");
    }

    [Test]
    public async Task Wawp_delete_many_is_not_supported_and_sends_nothing()
    {
        var handler = Never();
        using var client = Client(WawpOptions(), handler);

        var error = await ContactsErrorAsync(() => client.DeleteManyAsync(["123456789@c.us"]));

        AssertNotSupported(error, handler, "wawp", "DeleteMany");
    }

    [Test]
    public async Task Groups_are_not_supported_outside_wasms()
    {
        var handler = Never();
        using var client = Client(WazzupV3Options(), handler);

        var error = await ContactsErrorAsync(() => client.CreateGroupAsync("Friends"));

        AssertNotSupported(error, handler, "wazzup-v3", "CreateGroup");
    }

    [Test]
    public async Task Wasms_get_is_not_supported()
    {
        var handler = Never();
        using var client = Client(WasmsOptions(), handler);

        var error = await ContactsErrorAsync(() => client.GetAsync("2"));

        AssertNotSupported(error, handler, "wasms", "Get");
    }

    private static void AssertNotSupported(ContactsException error, ScriptedHandler handler, string provider, string operation)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.NotSupported));
            Assert.That(error.Provider, Is.EqualTo(provider));
            Assert.That(error.Operation, Is.EqualTo(operation));
            Assert.That(error.Message, Does.Contain(provider).And.Contain(operation));
            Assert.That(error.IsRetryable, Is.False);
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    /// <summary>An operation has one name: its capability flag's, which is also its method's and its errors'.</summary>
    [Test]
    public void Each_operation_flag_names_a_client_method()
    {
        var single = Enum.GetValues<ContactsOperations>().Where(operation => operation != ContactsOperations.None && (operation & (operation - 1)) == 0);
        var methods = typeof(ContactsClient).GetMethods().Select(method => method.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(single.Where(operation => !methods.Contains($"{operation}Async")), Is.Empty, "flags without a ContactsClient method of that name");
            Assert.That(
                methods.Where(name => name.EndsWith("Async", StringComparison.Ordinal))
                    .Where(name => !Enum.TryParse<ContactsOperations>(name[..^"Async".Length], out _)),
                Is.Empty,
                "ContactsClient methods without a flag of that name");
        });
    }

    [Test]
    public void Capabilities_agree_with_each_provider_spec()
    {
        using var v3 = Client(WazzupV3Options(), Never());
        using var v2 = Client(WazzupV2Options(), Never());
        using var wamm = Client(WammOptions(), Never());
        using var wawp = Client(WawpOptions(), Never());
        using var wasms = Client(WasmsOptions(), Never());
        var all = ContactsOperations.Upsert | ContactsOperations.UpsertMany | ContactsOperations.Get | ContactsOperations.List
            | ContactsOperations.Delete | ContactsOperations.DeleteMany;

        Assert.Multiple(() =>
        {
            Assert.That(v3.Capabilities.Operations, Is.EqualTo(all));
            Assert.That(v3.Capabilities.MaxUpsertBatchSize, Is.EqualTo(100));
            Assert.That(v3.Capabilities.MaxDeleteBatchSize, Is.EqualTo(100));
            Assert.That(v3.Capabilities.ListPageSize, Is.EqualTo(100));
            Assert.That(v3.Capabilities.IdempotentUpsert, Is.True);
            Assert.That(v2.Capabilities.Operations, Is.EqualTo(all));
            Assert.That(wamm.Capabilities.Supports(ContactsOperations.List), Is.False, "WAMM has no list route");
            Assert.That(wamm.Capabilities.Supports(ContactsOperations.Upsert | ContactsOperations.Get | ContactsOperations.Delete), Is.True);
            Assert.That(wamm.Capabilities.MaxUpsertBatchSize, Is.Null, "no batch route: single calls are fanned out");
            Assert.That(wawp.Capabilities.Operations, Is.EqualTo(ContactsOperations.Upsert | ContactsOperations.UpsertMany));
            Assert.That(wasms.Capabilities.Supports(ContactsOperations.Groups | ContactsOperations.List | ContactsOperations.Delete), Is.True);
            Assert.That(wasms.Capabilities.Supports(ContactsOperations.Get), Is.False);
            Assert.That(wasms.Capabilities.IdempotentUpsert, Is.False, "create/contact makes a new contact every time");
            Assert.That(new[] { v3, v2, wamm, wawp, wasms }.Select(c => c.Capabilities.Provider), Is.EqualTo(new[] { "wazzup-v3", "wazzup-v2", "wamm", "wawp", "wasms" }));
            Assert.That(new[] { v3, v2, wamm, wawp, wasms }.Select(c => c.Provider), Is.EqualTo(new[] { "wazzup-v3", "wazzup-v2", "wamm", "wawp", "wasms" }));
        });
    }

    [Test]
    public async Task Wamm_fan_out_keeps_at_most_max_concurrency_calls_in_flight()
    {
        var handler = new ScriptedHandler(async (_, token) =>
        {
            await Task.Delay(20, token);
            return Respond.Json("""{"err": 0, "result": "insert"}""");
        });
        var options = WammOptions();
        options.MaxConcurrency = 3;
        using var client = Client(options, handler);
        var contacts = Enumerable.Range(0, 40).Select(WammContact).ToList();

        var result = await client.UpsertManyAsync(contacts);

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(40));
            Assert.That(handler.MaxInFlight, Is.LessThanOrEqualTo(3));
            Assert.That(handler.MaxInFlight, Is.GreaterThanOrEqualTo(2), "the calls do run concurrently");
            Assert.That(result.Items.Select(i => i.Index), Is.EqualTo(Enumerable.Range(0, 40)));
            Assert.That(result.Items.Select(i => i.Key), Is.EqualTo(contacts.Select(c => c.Phone)));
            Assert.That(result.AllSucceeded, Is.True);
            Assert.That(handler.Requests.Select(r => r.Query("phone")), Is.EquivalentTo(contacts.Select(c => c.Phone)), "each contact sent exactly once");
        });
    }

    [Test]
    public async Task Wamm_fan_out_failure_of_one_item_does_not_fail_the_others()
    {
        var handler = new ScriptedHandler(request => request.Query("phone") == "79001234505"
            ? Respond.Json("""{"err": "no WhatsApp on the number"}""")
            : Respond.Json("""{"err": 0, "result": "update"}"""));
        using var client = Client(WammOptions(), handler);

        var result = await client.UpsertManyAsync(Enumerable.Range(0, 10).Select(WammContact));

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed.Select(i => i.Index), Is.EqualTo(new[] { 5 }));
            Assert.That(result.Items[5].Error!.Kind, Is.EqualTo(ContactsErrorKind.NotOnChannel));
            Assert.That(result.Items[5].Error!.ProviderCode, Is.EqualTo("no WhatsApp on the number"));
            Assert.That(result.Succeeded.Count(), Is.EqualTo(9));
            Assert.That(handler.Requests, Has.Count.EqualTo(10));
        });
    }

    [Test]
    public async Task Wamm_fan_out_stops_after_a_token_failure()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"err": "token fail"}"""));
        var options = WammOptions();
        options.MaxConcurrency = 1;
        using var client = Client(options, handler);

        var result = await client.UpsertManyAsync(Enumerable.Range(0, 10).Select(WammContact));

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
            Assert.That(result.Items[0].Status, Is.EqualTo(ContactBatchItemStatus.Failed));
            Assert.That(result.Items.Skip(1).Select(i => i.Status), Is.All.EqualTo(ContactBatchItemStatus.NotAttempted));
            Assert.That(result.Items.Select(i => i.Error!.Kind), Is.All.EqualTo(ContactsErrorKind.Authentication));
        });
    }

    [Test]
    public async Task Wamm_delete_many_fans_out_and_reports_unknown_phones_as_not_found()
    {
        var handler = new ScriptedHandler(request => request.Query("phone") == "79001234502"
            ? Respond.Json("""{"err": "phone not found"}""")
            : Respond.Json("""{"err": 0, "result": "delete"}"""));
        using var client = Client(WammOptions(), handler);
        var phones = Enumerable.Range(0, 4).Select(i => (79001234500L + i).ToString(CultureInfo.InvariantCulture)).ToList();

        var result = await client.DeleteManyAsync(phones);

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(4));
            Assert.That(result.Items.Select(i => i.Status), Is.EqualTo(new[]
            {
                ContactBatchItemStatus.Succeeded, ContactBatchItemStatus.Succeeded, ContactBatchItemStatus.Failed, ContactBatchItemStatus.Succeeded,
            }));
            Assert.That(result.Items[2].Error!.Kind, Is.EqualTo(ContactsErrorKind.NotFound));
        });
    }

    [Test]
    public async Task Wasms_delete_many_fans_out_one_request_per_id()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"status": 200, "message": "Contact has been deleted!", "data": false}"""));
        using var client = Client(WasmsOptions(), handler);

        var result = await client.DeleteManyAsync(["1", "2", "3"]);

        Assert.Multiple(() =>
        {
            Assert.That(result.AllSucceeded, Is.True);
            Assert.That(handler.Requests.Select(r => r.Query("id")), Is.EquivalentTo(new[] { "1", "2", "3" }));
            Assert.That(handler.Requests.Select(r => r.Uri.AbsolutePath), Is.All.EqualTo("/api/delete/contact"));
        });
    }

    [Test]
    public async Task Wawp_upsert_many_fans_out()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"ok": true}"""));
        using var client = Client(WawpOptions(), handler);
        var contacts = Enumerable.Range(1, 5).Select(i => new Contact { Id = $"12345678{i}@c.us", FirstName = "John", LastName = $"Doe{i}" }).ToList();

        var result = await client.UpsertManyAsync(contacts);

        Assert.Multiple(() =>
        {
            Assert.That(result.AllSucceeded, Is.True);
            Assert.That(result.Items.Select(i => i.Key), Is.EqualTo(contacts.Select(c => c.Id)));
            Assert.That(handler.Requests.Select(r => Uri.UnescapeDataString(r.Uri.AbsolutePath)), Is.EquivalentTo(contacts.Select(c => $"/v2/contacts/{c.Id}")));
        });
    }

    [Test]
    public async Task WazzupV2_upsert_many_is_chunked_by_100()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"data":{"processed":100},"meta":{"timestamp":1759495852}}"""));
        using var client = Client(WazzupV2Options(), handler);
        var contacts = Enumerable.Range(0, 150).Select(i => new Contact
        {
            Id = $"contacts{i}",
            ResponsibleUserId = "1",
            Name = "TestContact",
            Web = "https://example.com/contact/1",
            Channels = [new ContactChannel { ChatType = ChatType.WhatsApp, ChatId = "79999999999" }],
        }).ToList();

        var result = await client.UpsertManyAsync(contacts);

        Assert.Multiple(() =>
        {
            Assert.That(result.AllSucceeded, Is.True);
            Assert.That(result.Items, Has.Count.EqualTo(150));
            Assert.That(handler.Requests.Select(r =>
            {
                using var body = System.Text.Json.JsonDocument.Parse(r.Body!);
                return body.RootElement.GetProperty("contacts").GetArrayLength();
            }), Is.EquivalentTo(new[] { 100, 50 }));
        });
    }

    [Test]
    public void ToString_lists_the_stored_fields_by_name()
    {
        using var client = Client(WazzupV3Options(), new ScriptedHandler(_ => Respond.Json("[]")));

        var text = client.Capabilities.ToString();

        Assert.That(text, Does.Contain("StoredFields = [").And.Contain(nameof(ContactField.Name)).And.Not.Contain("System.Collections"));
    }
}
