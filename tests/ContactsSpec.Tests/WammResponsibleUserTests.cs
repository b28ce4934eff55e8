using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>WAMM stores a contact's responsible user with contact_to_user, after contact_to has written the contact.</summary>
[TestFixture]
public sealed class WammResponsibleUserTests
{
    private static readonly Contact Contact = new() { Phone = "79001234567", Name = "Ivan Petrov", ResponsibleUserId = "15" };

    [Test]
    public async Task Upsert_writes_the_contact_then_assigns_the_user()
    {
        var handler = new ScriptedHandler(request => Respond.Json(request.Uri.AbsolutePath.Contains("/contact_to_user/", StringComparison.Ordinal)
            ? """{"err":0,"result":"success"}"""
            : """{"err":0,"result":"insert"}"""));
        using var client = Client(WammOptions(), handler);

        var result = await client.UpsertAsync(Contact);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ContactWriteOutcome.Created));
            Assert.That(handler.Requests.Select(request => request.Uri.AbsolutePath), Is.EqualTo(new[]
            {
                $"/api2/contact_to/{WammToken}/", $"/api2/contact_to_user/{WammToken}/79001234567/15",
            }));
        });
    }

    [Test]
    public async Task A_failed_assignment_says_the_contact_was_written()
    {
        var handler = new ScriptedHandler(request => Respond.Json(request.Uri.AbsolutePath.Contains("/contact_to_user/", StringComparison.Ordinal)
            ? """{"err":"user not active"}"""
            : """{"err":0,"result":"update"}"""));
        using var client = Client(WammOptions(), handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(Contact));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.InvalidInput));
            Assert.That(error.ProviderCode, Is.EqualTo("user not active"));
            Assert.That(error.Message, Does.Contain("the contact was written"));
        });
    }

    [Test]
    public async Task Without_a_responsible_user_only_contact_to_is_called()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"err":0,"result":"insert"}"""));
        using var client = Client(WammOptions(), handler);

        await client.UpsertAsync(Contact with { ResponsibleUserId = null });

        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Get_reads_the_responsible_user_back()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"err":0,"data":{"phone":"79001234567","name":"Ivan Petrov","user_id":15}}"""));
        using var client = Client(WammOptions(), handler);

        var contact = await client.GetAsync("79001234567");

        Assert.That(contact.ResponsibleUserId, Is.EqualTo("15"));
    }
}
