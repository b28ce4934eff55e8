using System.Net;
using ContactsSpec.Adapters;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>Invalid input fails with <see cref="ContactsErrorKind.InvalidInput"/>, naming item and field, before any request.</summary>
[TestFixture]
public sealed class ValidationTests
{
    private static ScriptedHandler AlwaysOk() => new(_ => Respond.Status(HttpStatusCode.OK));

    private static async Task<(ContactsException Error, ScriptedHandler Handler)> UpsertV3Async(Contact contact)
    {
        var handler = AlwaysOk();
        using var client = Client(WazzupV3Options(), handler);
        var error = await ContactsErrorAsync(() => client.UpsertAsync(contact));
        return (error, handler);
    }

    private static void AssertInvalid(ContactsException error, ScriptedHandler handler, int index, string field)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.InvalidInput));
            Assert.That(error.IsRetryable, Is.False);
            Assert.That(error.Status, Is.Null, "nothing was sent, so there is no HTTP status");
            Assert.That(error.FieldErrors.Select(e => (e.Index, e.Field)), Has.Member((index, field)));
            Assert.That(error.Message, Does.Contain(field));
            Assert.That(handler.Requests, Is.Empty, "validation must fail before anything is sent");
        });
    }

    [TestCase(3, 0, 2, TestName = "A repeated id in a small batch is named with the item it repeats")]
    [TestCase(12, 4, 11, TestName = "A repeated id in a large batch is named with the item it repeats")]
    public async Task WazzupV3_batch_with_a_repeated_id_is_refused_before_sending(int count, int first, int repeat)
    {
        var handler = AlwaysOk();
        using var client = Client(WazzupV3Options(), handler);
        var contacts = V3Contacts(count);
        contacts[repeat] = contacts[repeat] with { Id = contacts[first].Id };

        var error = await ContactsErrorAsync(() => client.UpsertManyAsync(contacts));

        AssertInvalid(error, handler, repeat, "Id");
        Assert.That(error.FieldErrors, Has.Count.EqualTo(1), "only the repeat is refused");
        Assert.That(error.FieldErrors[0].Message, Does.Contain($"repeats item {first}'s id"));
    }

    [Test]
    public async Task WazzupV3_valid_contact_is_sent()
    {
        var handler = AlwaysOk();
        using var client = Client(WazzupV3Options(), handler);

        await client.UpsertAsync(V3Contact(1));

        Assert.That(handler.Requests, Has.Count.EqualTo(1), "the negative cases below are meaningful only if a valid contact does get through");
    }

    [Test]
    public async Task WazzupV3_missing_responsible_user_is_rejected()
    {
        var (error, handler) = await UpsertV3Async(V3Contact(1) with { ResponsibleUserId = null });
        AssertInvalid(error, handler, 0, "ResponsibleUserId");
    }

    [Test]
    public async Task WazzupV3_missing_id_is_rejected()
    {
        var (error, handler) = await UpsertV3Async(V3Contact(1) with { Id = " " });
        AssertInvalid(error, handler, 0, "Id");
    }

    [Test]
    public async Task WazzupV3_missing_name_is_rejected()
    {
        var (error, handler) = await UpsertV3Async(V3Contact(1) with { Name = null, FirstName = null, LastName = null });
        AssertInvalid(error, handler, 0, "Name");
    }

    [Test]
    public async Task WazzupV3_name_of_200_characters_is_accepted_and_201_rejected()
    {
        var handler = AlwaysOk();
        using var client = Client(WazzupV3Options(), handler);
        await client.UpsertAsync(V3Contact(1) with { Name = new string('n', 200) });
        Assert.That(handler.Requests, Has.Count.EqualTo(1));

        var (error, rejected) = await UpsertV3Async(V3Contact(1) with { Name = new string('n', 201) });
        AssertInvalid(error, rejected, 0, "Name");
    }

    [Test]
    public async Task WazzupV3_name_joined_from_first_and_last_name_is_limited_too()
    {
        var (error, handler) = await UpsertV3Async(V3Contact(1) with { Name = null, FirstName = new string('f', 150), LastName = new string('l', 60) });
        AssertInvalid(error, handler, 0, "Name");
    }

    [Test]
    public async Task WazzupV3_id_of_100_characters_is_accepted_and_101_rejected()
    {
        var handler = AlwaysOk();
        using var client = Client(WazzupV3Options(), handler);
        await client.UpsertAsync(V3Contact(1) with { Id = new string('i', 100) });
        Assert.That(handler.Requests, Has.Count.EqualTo(1));

        var (error, rejected) = await UpsertV3Async(V3Contact(1) with { Id = new string('i', 101) });
        AssertInvalid(error, rejected, 0, "Id");
    }

    [Test]
    public async Task WazzupV3_responsible_user_over_100_characters_is_rejected()
    {
        var (error, handler) = await UpsertV3Async(V3Contact(1) with { ResponsibleUserId = new string('u', 101) });
        AssertInvalid(error, handler, 0, "ResponsibleUserId");
    }

    [Test]
    public async Task WazzupV3_web_over_200_characters_is_rejected()
    {
        var (error, handler) = await UpsertV3Async(V3Contact(1) with { Web = "https://crm.example/" + new string('w', 181) });
        AssertInvalid(error, handler, 0, "Web");
    }

    [Test]
    public async Task WazzupV3_contact_without_channels_is_rejected()
    {
        var (error, handler) = await UpsertV3Async(V3Contact(1) with { Channels = [] });
        AssertInvalid(error, handler, 0, "Channels");
    }

    [TestCase("whatsapp", "+79991114433")]
    [TestCase("whatsapp", "7999 111 4433")]
    [TestCase("viber", "7999-1114433")]
    public async Task WazzupV3_digit_only_chat_id_with_other_characters_is_rejected(string chatType, string chatId)
    {
        var contact = V3Contact(1) with { Channels = [new ContactChannel { ChatType = new ChatType(chatType), ChatId = chatId }] };
        var (error, handler) = await UpsertV3Async(contact);
        AssertInvalid(error, handler, 0, "Channels[0].ChatId");
    }

    [Test]
    public async Task WazzupV3_telegram_chat_id_need_not_be_digits()
    {
        var handler = AlwaysOk();
        using var client = Client(WazzupV3Options(), handler);

        await client.UpsertAsync(V3Contact(1) with { Channels = [new ContactChannel { ChatType = ChatType.Telegram, ChatId = "tg-user_17", Username = "ivan" }] });

        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task WazzupV3_username_with_leading_at_sign_is_rejected_at_its_channel_position()
    {
        var contact = V3Contact(1) with
        {
            Channels =
            [
                new ContactChannel { ChatType = ChatType.WhatsApp, ChatId = "79991114433" },
                new ContactChannel { ChatType = ChatType.Telegram, ChatId = "12345", Username = "@ivan" },
            ],
        };
        var (error, handler) = await UpsertV3Async(contact);
        AssertInvalid(error, handler, 0, "Channels[1].Username");
    }

    [Test]
    public async Task WazzupV3_phone_with_plus_is_rejected()
    {
        var contact = V3Contact(1) with { Channels = [new ContactChannel { ChatType = ChatType.Telegram, ChatId = "12345", Phone = "+79991114433" }] };
        var (error, handler) = await UpsertV3Async(contact);
        AssertInvalid(error, handler, 0, "Channels[0].Phone");
    }

    [Test]
    public async Task WazzupV3_channel_without_chat_type_is_rejected()
    {
        var contact = V3Contact(1) with { Channels = [new ContactChannel { ChatType = default, ChatId = "12345" }] };
        var (error, handler) = await UpsertV3Async(contact);
        AssertInvalid(error, handler, 0, "Channels[0].ChatType");
    }

    [Test]
    public async Task WazzupV3_every_problem_of_an_item_is_reported_at_once()
    {
        var (error, _) = await UpsertV3Async(new Contact { Id = new string('i', 101), Name = new string('n', 201) });

        Assert.That(error.FieldErrors.Select(e => e.Field), Is.SupersetOf(new[] { "Id", "Name", "ResponsibleUserId", "Channels" }));
    }

    [Test]
    public async Task UpsertMany_reports_an_invalid_item_by_its_position_in_the_input()
    {
        var handler = AlwaysOk();
        using var client = Client(WazzupV3Options(), handler);
        var contacts = V3Contacts(10);
        contacts[7] = contacts[7] with { ResponsibleUserId = null };

        var error = await ContactsErrorAsync(() => client.UpsertManyAsync(contacts));

        AssertInvalid(error, handler, 7, "ResponsibleUserId");
        Assert.That(error.FieldErrors.Select(e => e.Index), Is.All.EqualTo(7), "only item 7 is invalid");
    }

    [Test]
    public async Task UpsertMany_with_an_invalid_item_beyond_the_first_chunk_sends_nothing()
    {
        var handler = AlwaysOk();
        using var client = Client(WazzupV3Options(), handler);
        var contacts = V3Contacts(250);
        contacts[230] = contacts[230] with { Channels = [] };

        var error = await ContactsErrorAsync(() => client.UpsertManyAsync(contacts));

        AssertInvalid(error, handler, 230, "Channels");
    }

    [Test]
    public async Task WazzupV3_duplicate_ids_in_one_batch_are_rejected_naming_both_positions()
    {
        var handler = AlwaysOk();
        using var client = Client(WazzupV3Options(), handler);
        var contacts = V3Contacts(6);
        contacts[5] = contacts[5] with { Id = contacts[2].Id };

        var error = await ContactsErrorAsync(() => client.UpsertManyAsync(contacts));

        AssertInvalid(error, handler, 5, "Id");
        Assert.Multiple(() =>
        {
            var duplicate = error.FieldErrors.Single(e => e.Field == "Id");
            Assert.That(duplicate.Message, Does.Contain("item 2"), "the error names the earlier position too");
            Assert.That(error.Message, Does.Contain("item 5").And.Contain("item 2"));
        });
    }

    [Test]
    public void Null_item_in_a_batch_is_an_argument_error()
    {
        var handler = AlwaysOk();
        using var client = Client(WazzupV3Options(), handler);

        Assert.ThrowsAsync<ArgumentException>(() => client.UpsertManyAsync([V3Contact(1), null!]));
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public async Task DeleteMany_with_a_blank_id_is_rejected_naming_its_position()
    {
        var handler = AlwaysOk();
        using var client = Client(WazzupV3Options(), handler);

        var error = await ContactsErrorAsync(() => client.DeleteManyAsync(["a", "b", " "]));

        AssertInvalid(error, handler, 2, "Id");
    }

    [Test]
    public void WazzupV3_limits_in_the_adapter_match_the_spec()
    {
        var spec = SpecDocument.Load(ContactsProviders.WazzupV3);
        int Length(string property) => spec.Number("components", "schemas", "Contact", "properties", property, "maxLength");

        Assert.Multiple(() =>
        {
            Assert.That(Length("id"), Is.EqualTo(WazzupV3ContactsAdapter.MaxIdLength), "MaxIdLength");
            Assert.That(Length("responsibleUserId"), Is.EqualTo(WazzupV3ContactsAdapter.MaxResponsibleUserIdLength), "MaxResponsibleUserIdLength");
            Assert.That(Length("name"), Is.EqualTo(WazzupV3ContactsAdapter.MaxNameLength), "MaxNameLength");
            Assert.That(Length("uri"), Is.EqualTo(WazzupV3ContactsAdapter.MaxUriLength), "MaxUriLength");
            Assert.That(spec.Number("paths", "/v3/contacts", "post", "requestBody", "content", "application/json", "schema", "maxItems"), Is.EqualTo(WazzupV3ContactsAdapter.MaxBatch), "MaxBatch");
        });
    }

    // ---- WAMM ----

    private static async Task<(ContactsException Error, ScriptedHandler Handler)> UpsertAsync(ContactsClientOptions options, Contact contact)
    {
        var handler = AlwaysOk();
        using var client = Client(options, handler);
        var error = await ContactsErrorAsync(() => client.UpsertAsync(contact));
        return (error, handler);
    }

    private static Contact WammContact => new() { Phone = "79001234567", Name = "Ivan Petrov" };

    [Test]
    public async Task Wamm_name_of_250_characters_is_accepted_and_251_rejected()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"err": 0, "result": "insert"}"""));
        using var client = Client(WammOptions(), handler);
        await client.UpsertAsync(WammContact with { Name = new string('n', 250) });
        Assert.That(handler.Requests, Has.Count.EqualTo(1));

        var (error, rejected) = await UpsertAsync(WammOptions(), WammContact with { Name = new string('n', 251) });
        AssertInvalid(error, rejected, 0, "Name");
    }

    [Test]
    public async Task Wamm_email_and_web_over_150_characters_are_rejected()
    {
        var (error, handler) = await UpsertAsync(WammOptions(), WammContact with { Email = new string('e', 140) + "@example.com", Web = "https://" + new string('w', 143) });
        AssertInvalid(error, handler, 0, "Email");
        AssertInvalid(error, handler, 0, "Web");
    }

    [Test]
    public async Task Wamm_requires_a_digit_only_phone_and_a_name()
    {
        var (missing, handler) = await UpsertAsync(WammOptions(), new Contact { Name = "Ivan" });
        AssertInvalid(missing, handler, 0, "Phone");

        var (plus, handler2) = await UpsertAsync(WammOptions(), WammContact with { Phone = "+79001234567" });
        AssertInvalid(plus, handler2, 0, "Phone");

        var (noName, handler3) = await UpsertAsync(WammOptions(), WammContact with { Name = null });
        AssertInvalid(noName, handler3, 0, "Name");
    }

    [Test]
    public async Task Wamm_id_must_agree_with_the_phone()
    {
        var (error, handler) = await UpsertAsync(WammOptions(), WammContact with { Id = "79990000000" });
        AssertInvalid(error, handler, 0, "Id");
    }

    [Test]
    public async Task Wamm_rejects_fields_it_cannot_store()
    {
        var contact = WammContact with { Groups = ["1"], Channels = [new ContactChannel { ChatType = ChatType.WhatsApp, ChatId = "79001234567" }] };
        var (error, handler) = await UpsertAsync(WammOptions(), contact);
        AssertInvalid(error, handler, 0, "Groups");
        AssertInvalid(error, handler, 0, "Channels");
    }

    [Test]
    public void Wamm_limits_in_the_adapter_match_the_spec()
    {
        var spec = SpecDocument.Load(ContactsProviders.Wamm);
        int Length(string parameter) => spec.Number("paths", "/api2/contact_to/{token}/", "get", "parameters", parameter, "schema", "maxLength");

        Assert.Multiple(() =>
        {
            Assert.That(Length("name"), Is.EqualTo(WammContactsAdapter.MaxNameLength), "MaxNameLength");
            Assert.That(Length("email"), Is.EqualTo(WammContactsAdapter.MaxEmailLength), "MaxEmailLength");
            Assert.That(Length("web"), Is.EqualTo(WammContactsAdapter.MaxWebLength), "MaxWebLength");
        });
    }

    // ---- WaSMS ----

    private static Contact WasmsContact => new() { Phone = "+923012345678", Name = "Martin Crater", Groups = ["1", "2", "3", "4"] };

    [Test]
    public async Task Wasms_valid_contact_is_sent()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"status": 200, "message": "Contact has been created!", "data": false}"""));
        using var client = Client(WasmsOptions(), handler);

        await client.UpsertAsync(WasmsContact);

        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    // The page lists groups without marking it required, so a contact may join none (specs/wasms: groups is optional).
    [Test]
    public async Task Wasms_contact_without_groups_is_sent_without_a_groups_field()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"status": 200, "message": "Contact has been created!", "data": false}"""));
        using var client = Client(WasmsOptions(), handler);

        var result = await client.UpsertAsync(WasmsContact with { Groups = [] });

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ContactWriteOutcome.Created));
            Assert.That(UrlEncodedForm.Fields(handler.Requests.Single()), Is.EquivalentTo(new Dictionary<string, string>
            {
                ["secret"] = WasmsSecret,
                ["phone"] = "+923012345678",
                ["name"] = "Martin Crater",
            }), "no groups field at all, not an empty one");
        });
    }

    [Test]
    public async Task Wasms_non_numeric_group_is_rejected_at_its_position()
    {
        var (error, handler) = await UpsertAsync(WasmsOptions(), WasmsContact with { Groups = ["1", "friends"] });
        AssertInvalid(error, handler, 0, "Groups[1]");
    }

    [TestCase(null)]
    [TestCase("+92 301 2345678")]
    [TestCase("phone")]
    public async Task Wasms_missing_or_malformed_phone_is_rejected(string? phone)
    {
        var (error, handler) = await UpsertAsync(WasmsOptions(), WasmsContact with { Phone = phone });
        AssertInvalid(error, handler, 0, "Phone");
    }

    [Test]
    public async Task Wasms_missing_name_is_rejected()
    {
        var (error, handler) = await UpsertAsync(WasmsOptions(), WasmsContact with { Name = " " });
        AssertInvalid(error, handler, 0, "Name");
    }

    [Test]
    public async Task Wasms_id_set_by_the_caller_is_rejected_as_not_stored()
    {
        var (error, handler) = await UpsertAsync(WasmsOptions(), WasmsContact with { Id = "7" });
        AssertInvalid(error, handler, 0, "Id");
    }

    [Test]
    public async Task Wasms_batch_reports_the_invalid_item_by_position()
    {
        var handler = AlwaysOk();
        using var client = Client(WasmsOptions(), handler);
        var contacts = Enumerable.Range(0, 5).Select(_ => WasmsContact).ToList();
        contacts[3] = contacts[3] with { Groups = ["friends"] };

        var error = await ContactsErrorAsync(() => client.UpsertManyAsync(contacts));

        AssertInvalid(error, handler, 3, "Groups[0]");
    }

    // ---- Wawp ----

    [TestCase("123456789")]
    [TestCase("abc@c.us")]
    [TestCase("123456789@s.whatsapp.net")]
    public async Task Wawp_id_that_is_not_a_chat_id_is_rejected(string id)
    {
        var (error, handler) = await UpsertAsync(WawpOptions(), new Contact { Id = id, FirstName = "John" });
        AssertInvalid(error, handler, 0, "Id");
    }

    [Test]
    public async Task Wawp_without_any_name_is_rejected()
    {
        var (error, handler) = await UpsertAsync(WawpOptions(), new Contact { Id = "123456789@c.us" });
        AssertInvalid(error, handler, 0, "Name");
    }

    [Test]
    public async Task Wawp_without_id_or_phone_is_rejected()
    {
        var (error, handler) = await UpsertAsync(WawpOptions(), new Contact { FirstName = "John" });
        AssertInvalid(error, handler, 0, "Id");
    }

    [Test]
    public async Task Wawp_id_and_phone_that_disagree_are_rejected()
    {
        var (error, handler) = await UpsertAsync(WawpOptions(), new Contact { Id = "123456789@c.us", Phone = "+987654321", FirstName = "John" });
        AssertInvalid(error, handler, 0, "Id");
    }

    [Test]
    public async Task Wawp_rejects_fields_it_cannot_store()
    {
        var (error, handler) = await UpsertAsync(WawpOptions(), new Contact { Id = "123456789@c.us", FirstName = "John", Email = "john@example.com" });
        AssertInvalid(error, handler, 0, "Email");
    }

    // ---- Wazzup v2 ----

    [TestCase("Id")]
    [TestCase("ResponsibleUserId")]
    [TestCase("Web")]
    public async Task WazzupV2_requires_every_field_of_its_contact_model(string field)
    {
        var contact = field switch
        {
            "Id" => V2Contact with { Id = null },
            "ResponsibleUserId" => V2Contact with { ResponsibleUserId = null },
            _ => V2Contact with { Web = null },
        };
        var (error, handler) = await UpsertAsync(WazzupV2Options(), contact);
        AssertInvalid(error, handler, 0, field);
    }

    [Test]
    public async Task WazzupV2_digit_only_chat_id_is_checked()
    {
        var (error, handler) = await UpsertAsync(WazzupV2Options(), V2Contact with { Channels = [new ContactChannel { ChatType = ChatType.Viber, ChatId = "+7999" }] });
        AssertInvalid(error, handler, 0, "Channels[0].ChatId");
    }
}
