using System.Net;
using ContactsSpec.Internal;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>An answer larger than <see cref="ContactsClientOptions.MaxResponseBytes"/> fails instead of being read whole.</summary>
[TestFixture]
public sealed class ResponseLimitTests
{
    private static string ContactListOfLength(int minimumLength)
    {
        var contacts = new List<string>();
        var length = 0;
        for (var i = 0; length < minimumLength; i++)
        {
            var contact = V3ContactJson($"id-{i:D5}");
            contacts.Add(contact);
            length += contact.Length + 1;
        }

        return $$"""{"count":{{contacts.Count}},"data":[{{string.Join(",", contacts)}}]}""";
    }

    private static async Task<ContactsException> ListAllAsync(ContactsClient client) => await ContactsErrorAsync(async () =>
    {
        await foreach (var contact in client.ListAsync())
        {
        }
    });

    [Test]
    public void The_captured_beginning_of_an_answer_is_gone_once_its_call_has_ended()
    {
        // The capture's buffer is pooled: after the call, nothing may be read from it or written into it.
        var capture = ResponseCapture.Begin();
        capture.Append("""{"token":"""u8);
        var during = capture.Text();
        capture.End();
        capture.Append("""late bytes of an abandoned read"""u8);

        Assert.Multiple(() =>
        {
            Assert.That(during, Is.EqualTo("""{"token":"""));
            Assert.That(capture.Text(), Is.Null);
        });
    }

    [Test]
    public void The_default_limit_is_10_mib_and_must_be_positive()
    {
        var options = WazzupV3Options();
        Assert.That(options.MaxResponseBytes, Is.EqualTo(10 * 1024 * 1024));

        options.MaxResponseBytes = 0;
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContactsClient(options, new ScriptedHandler(_ => Respond.Status(HttpStatusCode.OK))));
    }

    [Test]
    public async Task An_answer_declaring_more_than_the_limit_fails_as_a_provider_error_without_retry()
    {
        var body = ContactListOfLength(5_000);
        var handler = new ScriptedHandler(_ => Respond.Json(body));
        var options = WazzupV3Options(maxRetries: 2);
        options.MaxResponseBytes = 2_000;
        using var client = Client(options, handler);

        var error = await ListAllAsync(client);

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.ProviderError));
            Assert.That(error.IsRetryable, Is.False, "the same answer would come again");
            Assert.That(error.Message, Does.Contain("MaxResponseBytes"));
            Assert.That(handler.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task An_answer_without_a_length_fails_once_it_passes_the_limit()
    {
        var body = ContactListOfLength(50_000);
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new UnsizedContent(body) });
        var options = WazzupV3Options();
        options.MaxResponseBytes = 4_000;
        using var client = Client(options, handler);

        var error = await ListAllAsync(client);

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.ProviderError), "an oversized answer is not a dropped connection");
            Assert.That(error.Message, Does.Contain("MaxResponseBytes"));
        });
    }

    [Test]
    public async Task An_answer_within_the_limit_is_read_with_or_without_a_length()
    {
        var body = ContactListOfLength(3_000);
        var handler = new ScriptedHandler(request => request.Sequence == 0
            ? Respond.Json(body)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new UnsizedContent(body) });
        var options = WazzupV3Options();
        options.MaxResponseBytes = System.Text.Encoding.UTF8.GetByteCount(body);
        using var client = Client(options, handler);

        var first = new List<Contact>();
        await foreach (var contact in client.ListAsync())
        {
            first.Add(contact);
        }

        var second = new List<Contact>();
        await foreach (var contact in client.ListAsync())
        {
            second.Add(contact);
        }

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Not.Empty);
            Assert.That(second, Has.Count.EqualTo(first.Count), "a body of exactly MaxResponseBytes is accepted");
        });
    }

    [Test]
    public async Task An_unreadable_answer_is_quoted_in_the_error()
    {
        using var client = Client(WazzupV3Options(), new ScriptedHandler(_ => Respond.Json("<html>down for maintenance</html>")));

        var error = await ContactsErrorAsync(() => client.GetAsync("1"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.ProviderError));
            Assert.That(error.Message, Does.Contain("down for maintenance"));
        });
    }

    [TestCase(HttpStatusCode.NotFound, ContactsErrorKind.NotFound)]
    [TestCase(HttpStatusCode.Unauthorized, ContactsErrorKind.Authentication)]
    public async Task An_error_status_with_an_undocumented_body_quotes_the_body(HttpStatusCode status, ContactsErrorKind kind)
    {
        // What a wrong --base-url meets: some other server's page, not the provider's documented answer.
        using var client = Client(WazzupV3Options(), new ScriptedHandler(_ => new HttpResponseMessage(status)
        {
            Content = new StringContent("<html><body>nginx: no such route</body></html>", System.Text.Encoding.UTF8, "text/html"),
        }));

        var error = await ContactsErrorAsync(() => client.GetAsync("1"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(kind));
            Assert.That(error.Message, Does.Contain("The answer began: \"<html><body>nginx: no such route"));
        });
    }
}
