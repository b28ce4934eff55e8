using System.Net;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>The domain model: chat types are an open set; display names follow fixed rules.</summary>
[TestFixture]
public sealed class ChatTypeTests
{
    [Test]
    public async Task An_unknown_chat_type_from_the_provider_survives_a_round_trip()
    {
        var contactJson = V3ContactJson("1", chatType: "futuremessenger", chatId: "fm-77");
        var handler = new ScriptedHandler(request => request.Method == HttpMethod.Get
            ? Respond.Json($$"""{"count":1,"data":[{{contactJson}}]}""")
            : Respond.Status(HttpStatusCode.OK));
        using var client = Client(WazzupV3Options(), handler);

        var listed = new List<Contact>();
        await foreach (var contact in client.ListAsync())
        {
            listed.Add(contact);
        }

        var channel = listed.Single().Channels.Single();
        await client.UpsertAsync(listed.Single());

        using var sent = System.Text.Json.JsonDocument.Parse(handler.Requests[1].Body!);
        Assert.Multiple(() =>
        {
            Assert.That(channel.ChatType, Is.EqualTo(new ChatType("futuremessenger")));
            Assert.That(channel.ChatType.Value, Is.EqualTo("futuremessenger"));
            Assert.That(channel.ChatId, Is.EqualTo("fm-77"));
            Assert.That(sent.RootElement[0].GetProperty("contactData")[0].GetProperty("chatType").GetString(), Is.EqualTo("futuremessenger"));
            Assert.That(sent.RootElement[0].GetProperty("contactData")[0].GetProperty("chatId").GetString(), Is.EqualTo("fm-77"));
        });
    }

    [Test]
    public async Task A_new_chat_type_set_by_the_caller_is_sent_as_is()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.OK));
        using var client = Client(WazzupV3Options(), handler);

        await client.UpsertAsync(V3Contact(1) with { Channels = [new ContactChannel { ChatType = new ChatType("futuremessenger"), ChatId = "fm-77" }] });

        Assert.That(handler.Requests.Single().Body, Does.Contain("\"chatType\":\"futuremessenger\""));
    }

    [Test]
    public async Task An_unknown_chat_type_from_wazzup_v2_is_kept()
    {
        const string list = """{"data":[{"id":"contacts1","name":"TestContact","responsible_user_id":"1","contact_data":[{"chat_type":"futuremessenger","chat_id":"fm-1","username":"","phone":""}],"uri":"/api/v2/contacts/contacts1"}],"meta":{"timestamp":1759496601}}""";
        using var client = Client(WazzupV2Options(), new ScriptedHandler(_ => Respond.Json(list)));

        var contact = await client.GetAsync("contacts1");

        Assert.That(contact.Channels.Single().ChatType, Is.EqualTo(new ChatType("futuremessenger")));
    }

    [Test]
    public void Chat_types_are_equal_by_value()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ChatType("whatsapp"), Is.EqualTo(ChatType.WhatsApp));
            Assert.That(new ChatType("whatsapp") == ChatType.WhatsApp, Is.True);
            Assert.That(new ChatType("whatsapp").GetHashCode(), Is.EqualTo(ChatType.WhatsApp.GetHashCode()));
            Assert.That(ChatType.WhatsApp, Is.Not.EqualTo(ChatType.WhatsGroup));
            Assert.That(ChatType.Telegram != ChatType.TeleGroup, Is.True);
            Assert.That(new ChatType("WhatsApp"), Is.Not.EqualTo(ChatType.WhatsApp), "wire values are compared exactly");
            Assert.That(new[] { ChatType.Max, new ChatType("max"), ChatType.MaxGroup }.Distinct().Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Known_chat_types_carry_the_spec_wire_values()
    {
        var known = new[]
        {
            ChatType.WhatsApp, ChatType.WhatsGroup, ChatType.Viber, ChatType.Instagram, ChatType.Telegram,
            ChatType.TeleGroup, ChatType.Vk, ChatType.Avito, ChatType.Max, ChatType.MaxGroup,
        };
        var specValues = SpecDocument.Load(ContactsProviders.WazzupV3).Scalars("components", "schemas", "ContactData", "properties", "chatType", "x-extensible-enum");

        Assert.That(known.Select(type => type.Value), Is.EqualTo(specValues));
    }

    [Test]
    public void A_chat_type_prints_as_its_wire_value()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ChatType.Telegram.ToString(), Is.EqualTo("telegram"));
            Assert.That(new ChatType("futuremessenger").ToString(), Is.EqualTo("futuremessenger"));
            Assert.That(default(ChatType).Value, Is.Empty, "an unset chat type reads as empty, not null");
        });
    }

    [Test]
    public void A_blank_chat_type_is_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentNullException>(() => _ = new ChatType(null!));
            Assert.Throws<ArgumentException>(() => _ = new ChatType(""));
            Assert.Throws<ArgumentException>(() => _ = new ChatType("  "));
        });
    }

    [TestCase("Ivan Petrov", "Ivan", "Petrov", "Ivan Petrov")]
    [TestCase("Boss", "Ivan", "Petrov", "Boss")]
    [TestCase(null, "Ivan", "Petrov", "Ivan Petrov")]
    [TestCase("  ", "Ivan", "Petrov", "Ivan Petrov")]
    [TestCase(null, "Ivan", null, "Ivan")]
    [TestCase(null, null, "Petrov", "Petrov")]
    [TestCase(null, " ", "Petrov", "Petrov")]
    [TestCase(null, null, null, null)]
    [TestCase("", " ", "", null)]
    public void Display_name_is_the_name_or_first_and_last_joined(string? name, string? first, string? last, string? expected)
    {
        var contact = new Contact { Name = name, FirstName = first, LastName = last };

        Assert.That(contact.DisplayName, Is.EqualTo(expected));
    }

    [Test]
    public void Contacts_are_values()
    {
        var channels = new[] { new ContactChannel { ChatType = ChatType.WhatsApp, ChatId = "1" } };
        var a = new Contact { Id = "1", Name = "A", Channels = channels };
        var b = new Contact { Id = "1", Name = "A", Channels = channels };

        Assert.Multiple(() =>
        {
            Assert.That(a, Is.EqualTo(b));
            Assert.That(a with { Name = "B" }, Is.Not.EqualTo(b));
            Assert.That(new Contact().Channels, Is.Empty);
            Assert.That(new Contact().Groups, Is.Empty);
        });
    }
}
