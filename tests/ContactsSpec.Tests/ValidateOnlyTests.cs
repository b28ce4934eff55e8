using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary><see cref="ContactsClient.Validate"/> finds what UpsertManyAsync would refuse, and sends nothing.</summary>
[TestFixture]
public sealed class ValidateOnlyTests
{
    [Test]
    public void Validate_reports_each_invalid_item_by_index_and_field_without_sending()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("{}"));
        using var client = Client(WazzupV3Options(), handler);
        var contacts = V3Contacts(5);
        contacts[1] = contacts[1] with { ResponsibleUserId = null };
        contacts[3] = contacts[3] with { Email = "x@example.com" };
        contacts[4] = contacts[4] with { Id = contacts[0].Id };

        var errors = client.Validate(contacts);

        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(error => (error.Index, error.Field)), Is.EquivalentTo(new[]
            {
                (1, nameof(Contact.ResponsibleUserId)), (3, nameof(Contact.Email)), (4, nameof(Contact.Id)),
            }));
            Assert.That(handler.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task Validate_agrees_with_UpsertMany()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("{}"));
        using var client = Client(WazzupV3Options(), handler);
        var contacts = V3Contacts(3);
        contacts[2] = contacts[2] with { Name = new string('n', 201) };

        var validated = client.Validate(contacts);
        var refused = await ContactsErrorAsync(() => client.UpsertManyAsync(contacts));

        Assert.That(validated, Is.EqualTo(refused.FieldErrors));
    }

    [Test]
    public void Valid_contacts_give_no_errors()
    {
        using var client = Client(WazzupV3Options(), new ScriptedHandler(_ => Respond.Json("{}")));

        Assert.That(client.Validate(V3Contacts(3)), Is.Empty);
    }

    [Test]
    public async Task A_credential_too_short_to_mask_leaves_provider_codes_intact()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"err":"token fail"}"""));
        using var client = Client(Fast(new WammContactsOptions { Token = "t" }), handler);

        var error = await ContactsErrorAsync(() => client.GetAsync("79001234567"));

        Assert.Multiple(() =>
        {
            Assert.That(error.ProviderCode, Is.EqualTo("token fail"));
            Assert.That(error.Message, Does.Contain("token fail"));
        });
    }
}
