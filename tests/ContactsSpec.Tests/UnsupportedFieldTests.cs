using System.Net;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>A field the provider cannot store is never dropped silently: rejected by default, or reported.</summary>
[TestFixture]
public sealed class UnsupportedFieldTests
{
    [Test]
    public async Task Default_policy_rejects_a_field_the_provider_cannot_store_before_sending()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.OK));
        var options = WazzupV3Options();
        Assert.That(options.UnsupportedFields, Is.EqualTo(UnsupportedFieldPolicy.Reject), "Reject is the documented default");
        using var client = Client(options, handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(V3Contact(1) with { Email = "ivan@example.com" }));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.InvalidInput));
            Assert.That(error.FieldErrors.Select(e => (e.Index, e.Field)), Is.EqualTo(new[] { (0, "Email") }));
            Assert.That(error.Message, Does.Contain("Email"));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task Default_policy_names_every_unsupported_field_of_every_item()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.OK));
        using var client = Client(WazzupV3Options(), handler);
        var contacts = V3Contacts(4);
        contacts[1] = contacts[1] with { Notes = "vip", Groups = ["1"] };
        contacts[3] = contacts[3] with { Phone = "+79991114433" };

        var error = await ContactsErrorAsync(() => client.UpsertManyAsync(contacts));

        Assert.Multiple(() =>
        {
            Assert.That(error.FieldErrors.Select(e => (e.Index, e.Field)), Is.EquivalentTo(new[] { (1, "Notes"), (1, "Groups"), (3, "Phone") }));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task Report_policy_sends_the_contact_and_lists_what_was_not_stored()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.OK));
        var options = WazzupV3Options();
        options.UnsupportedFields = UnsupportedFieldPolicy.Report;
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var client = Client(options, handler, factory);

        var result = await client.UpsertAsync(V3Contact(1) with { Email = "ivan@example.com" });

        Assert.Multiple(() =>
        {
            Assert.That(result.NotStored, Is.EqualTo(new[] { ContactField.Email }));
            Assert.That(result.Id, Is.EqualTo("1"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
            Assert.That(handler.Requests[0].Body, Does.Not.Contain("ivan@example.com"), "the provider has no field for it");
            Assert.That(logs.Lines, Has.Some.StartsWith("Warning").And.Contains("NotStored"), "Report logs a warning");
        });
    }

    [Test]
    public async Task Report_policy_lists_not_stored_fields_per_batch_item()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.OK));
        var options = WazzupV3Options();
        options.UnsupportedFields = UnsupportedFieldPolicy.Report;
        using var client = Client(options, handler);
        var contacts = V3Contacts(3);
        contacts[1] = contacts[1] with { Email = "a@example.com", Notes = "n" };

        var result = await client.UpsertManyAsync(contacts);

        Assert.Multiple(() =>
        {
            Assert.That(result.AllSucceeded, Is.True);
            Assert.That(result.Items[0].NotStored, Is.Empty);
            Assert.That(result.Items[1].NotStored, Is.EquivalentTo(new[] { ContactField.Email, ContactField.Notes }));
            Assert.That(result.Items[2].NotStored, Is.Empty);
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Report_policy_still_validates_the_stored_fields()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.OK));
        var options = WazzupV3Options();
        options.UnsupportedFields = UnsupportedFieldPolicy.Report;
        using var client = Client(options, handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(V3Contact(1) with { Email = "a@example.com", ResponsibleUserId = null }));

        Assert.Multiple(() =>
        {
            Assert.That(error.FieldErrors.Select(e => e.Field), Is.EqualTo(new[] { "ResponsibleUserId" }));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [Test]
    public void WazzupV3_capabilities_list_the_fields_it_stores()
    {
        using var client = Client(WazzupV3Options(), new ScriptedHandler(_ => Respond.Status(HttpStatusCode.OK)));

        Assert.That(client.Capabilities.StoredFields, Is.EquivalentTo(new[]
        {
            ContactField.Id, ContactField.Name, ContactField.FirstName, ContactField.LastName, ContactField.Web,
            ContactField.Channels, ContactField.ResponsibleUserId,
        }));
    }
}
