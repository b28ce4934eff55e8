using System.Net;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>
/// Credentials go where the spec puts them and nowhere else: not in exception messages or ToString(), not in
/// logs at any level, not in options.ToString() or client.ToString().
/// </summary>
[TestFixture]
public sealed class SecretRedactionTests
{
    /// <summary>How one provider is driven through success and every kind of failure.</summary>
    public sealed record ProviderCase(
        string Provider,
        Func<string, ContactsClientOptions> Options,
        Contact Valid,
        Contact Invalid,
        string SuccessBody,
        Func<string, HttpResponseMessage> AuthFailure,
        Func<string, HttpResponseMessage> EchoingFailure,
        Action<IReadOnlyList<RecordedRequest>, string> AssertCredentialPlacement)
    {
        public override string ToString() => Provider;
    }

    // An unreadable success answer (a proxy's or a login page) that quotes the credential; the facade quotes its beginning.
    private static HttpResponseMessage EchoingPage(string secret) => new(HttpStatusCode.OK)
    {
        Content = new StringContent($"<html><body>Session for {secret} expired</body></html>", System.Text.Encoding.UTF8, "text/html"),
    };

    public static IEnumerable<ProviderCase> Providers()
    {
        yield return new ProviderCase(
            ContactsProviders.WazzupV3,
            secret => Fast(new WazzupV3ContactsOptions { ApiKey = secret }, maxRetries: 1),
            V3Contact(1),
            V3Contact(1) with { ResponsibleUserId = null },
            string.Empty,
            _ => Respond.Status(HttpStatusCode.Unauthorized),
            secret => Respond.Json($$"""{"error":"INVALID_CONTACTS_DATA","description":"key {{secret}} may not write contacts","data":[{"index":0,"fields":["name"]}]}""", HttpStatusCode.BadRequest),
            (requests, secret) => Assert.That(requests.Select(r => r.Header("Authorization")), Is.All.EqualTo($"Bearer {secret}")));

        yield return new ProviderCase(
            ContactsProviders.WazzupV2,
            secret => Fast(new WazzupV2ContactsOptions { ClientAccessToken = secret }, maxRetries: 1),
            new Contact
            {
                Id = "contacts1",
                ResponsibleUserId = "1",
                Name = "TestContact",
                Web = "https://example.com/contact/1",
                Channels = [new ContactChannel { ChatType = ChatType.WhatsApp, ChatId = "79999999999" }],
            },
            new Contact { Id = "contacts1" },
            """{"data":{"processed":1},"meta":{"timestamp":1759495852}}""",
            _ => Respond.Status(HttpStatusCode.Unauthorized),
            // v2 documents no error body, so a quoted token can only reach a text through an answer the facade quotes:
            // one it cannot read, which it quotes the beginning of.
            secret => EchoingPage(secret),
            (requests, secret) => Assert.That(requests.Select(r => r.Header("Authorization")), Is.All.EqualTo($"Bearer {secret}")));

        yield return new ProviderCase(
            ContactsProviders.Wamm,
            secret => Fast(new WammContactsOptions { Token = secret }, maxRetries: 1),
            new Contact { Phone = "79001234567", Name = "Ivan Petrov" },
            new Contact { Phone = "79001234567", Name = new string('n', 251) },
            """{"err": 0, "result": "insert"}""",
            _ => Respond.Json("""{"err": "token fail"}"""),
            secret => Respond.Json($$"""{"err": "token fail: {{secret}}"}"""),
            (requests, secret) => Assert.That(
                requests.Select(r => Uri.UnescapeDataString(r.Uri.AbsolutePath.Split('/')[3])), Is.All.EqualTo(secret),
                "the token is the path segment after the method name"));

        yield return new ProviderCase(
            ContactsProviders.Wawp,
            secret => Fast(new WawpContactsOptions { InstanceId = WawpInstanceId, AccessToken = secret }, maxRetries: 1),
            new Contact { Id = "123456789@c.us", FirstName = "John", LastName = "Doe" },
            new Contact { Id = "not-a-chat-id", FirstName = "John" },
            """{"ok": true}""",
            _ => Respond.Status(HttpStatusCode.Unauthorized),
            // Wawp documents no error body either: as for Wazzup v2, the echo comes in an answer the facade quotes.
            secret => EchoingPage(secret),
            (requests, secret) => Assert.Multiple(() =>
            {
                Assert.That(requests.Select(r => r.Query("access_token")), Is.All.EqualTo(secret));
                Assert.That(requests.Select(r => r.Query("instance_id")), Is.All.EqualTo(WawpInstanceId));
            }));

        yield return new ProviderCase(
            ContactsProviders.Wasms,
            secret => Fast(new WasmsContactsOptions { Secret = secret }, maxRetries: 1),
            new Contact { Phone = "+923012345678", Name = "Martin Crater", Groups = ["1", "2"] },
            new Contact { Phone = "+923012345678", Name = "Martin Crater" },
            """{"status": 200, "message": "Contact has been created!", "data": false}""",
            _ => Respond.Json("""{"status": 401, "message": "Invalid API secret supplied!", "data": false}"""),
            secret => Respond.Json($$"""{"status": 401, "message": "Invalid API secret {{secret}} supplied!", "data": false}"""),
            (requests, secret) => Assert.Multiple(() =>
            {
                var posts = requests.Where(r => r.Method == HttpMethod.Post).ToList();
                var gets = requests.Where(r => r.Method == HttpMethod.Get).ToList();
                Assert.That(posts, Is.Not.Empty);
                Assert.That(gets, Is.Not.Empty);
                Assert.That(posts.Select(r => UrlEncodedForm.Fields(r).GetValueOrDefault("secret")), Is.All.EqualTo(secret), "a form field on POST");
                Assert.That(posts.Select(r => r.Query("secret")), Is.All.Null, "never in a POST's URL");
                Assert.That(gets.Select(r => r.Query("secret")), Is.All.EqualTo(secret), "a query parameter on GET");
            }));
    }

    [TestCaseSource(nameof(Providers))]
    public async Task Credentials_appear_in_no_message_log_or_description(ProviderCase provider)
    {
        var secrets = new[] { SecretFor(provider.Provider) };
        var (texts, requests) = await ExerciseAsync(provider, secrets[0], echoing: false);

        Assert.That(requests, Is.Not.Empty);
        provider.AssertCredentialPlacement(requests, secrets[0]);
        AssertNoSecret(texts, secrets);
    }

    [TestCaseSource(nameof(Providers))]
    public async Task Credentials_with_characters_that_need_escaping_are_redacted_in_both_forms(ProviderCase provider)
    {
        // A bearer token travels in a header, which carries visible ASCII only (a non-ASCII token is refused when
        // the options are checked: OptionsTests); the URL- and form-borne credentials also get a non-ASCII letter.
        var secret = provider.Provider.StartsWith("wazzup", StringComparison.Ordinal) ? "SECRET/tok+en=19c2?&#%" : "SECRET/tok+en=19c2?&#%ü";
        var (texts, requests) = await ExerciseAsync(provider, secret, echoing: false);

        Assert.That(requests, Is.Not.Empty);
        provider.AssertCredentialPlacement(requests, secret);
        AssertNoSecret(texts, [secret]);
    }

    /// <summary>
    /// Some APIs quote the credential they reject ("Invalid token: ..."). ContactsException promises it never carries
    /// credentials, so a quoted credential must be masked in the provider code too, and in the retry log.
    /// </summary>
    [TestCaseSource(nameof(Providers))]
    public async Task A_provider_error_text_quoting_the_credential_does_not_leak_it(ProviderCase provider)
    {
        var secret = SecretFor(provider.Provider);
        var (texts, _) = await ExerciseAsync(provider, secret, echoing: true);

        AssertNoSecret(texts, [secret]);
    }

    [Test]
    public async Task The_retry_log_does_not_quote_a_credential_from_the_provider_text()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateFactory();
        var handler = new ScriptedHandler(_ => Respond.Json($$"""{"status": 500, "message": "Something went wrong with {{WasmsSecret}}!", "data": false}"""));
        using var client = new ContactsClient(WasmsOptions(maxRetries: 1), handler, loggerFactory);

        await ContactsErrorAsync(async () =>
        {
            await foreach (var contact in client.ListAsync())
            {
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests, Has.Count.EqualTo(2), "the failure was retried, so a retry was logged");
            Assert.That(logs.Lines, Has.Some.Contains("retrying"));
            Assert.That(logs.Lines, Has.None.Contains(WasmsSecret));
        });
    }

    [Test]
    public async Task A_credential_cut_by_the_message_excerpt_is_still_masked()
    {
        // Exception texts are shortened to an excerpt; a credential straddling the cut must not survive in part.
        var handler = new ScriptedHandler(_ => throw new HttpRequestException(new string('x', 168) + $" /api2/contact_to/{WammToken}/ failed"));
        using var client = Client(WammOptions(maxRetries: 0), handler);

        var error = await ContactsErrorAsync(() => client.UpsertAsync(new Contact { Phone = "79001234567", Name = "Ivan Petrov" }));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.Transport));
            Assert.That(error.Message, Does.Not.Contain(WammToken[..12]), "a leading part of the token is still a leak");
            Assert.That(error.ToString(), Does.Not.Contain(WammToken[..12]));
        });
    }

    [Test]
    public void Wawp_instance_id_is_not_treated_as_a_credential_but_the_access_token_is()
    {
        var options = WawpOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.ToString(), Does.Not.Contain(WawpAccessToken));
            Assert.That(options.ToString(), Does.Contain("redacted"));
        });
    }

    private static string SecretFor(string provider) => provider switch
    {
        ContactsProviders.WazzupV3 => WazzupV3Key,
        ContactsProviders.WazzupV2 => WazzupV2Token,
        ContactsProviders.Wamm => WammToken,
        ContactsProviders.Wawp => WawpAccessToken,
        _ => WasmsSecret,
    };

    private static void AssertNoSecret(IReadOnlyList<string> texts, IEnumerable<string> secrets)
    {
        Assert.That(texts, Has.Count.GreaterThan(20), "the scenarios produced text to search");
        var forms = secrets.SelectMany(secret => new[] { secret, Uri.EscapeDataString(secret) }).Distinct().ToList();
        var leaks = texts.Where(text => forms.Any(form => text.Contains(form, StringComparison.Ordinal))).ToList();
        Assert.That(leaks, Is.Empty, "texts that carry a credential");
    }

    /// <summary>Runs success and failure scenarios, collecting every text that leaves the library.</summary>
    private static async Task<(List<string> Texts, List<RecordedRequest> Requests)> ExerciseAsync(ProviderCase provider, string secret, bool echoing)
    {
        var texts = new List<string>();
        var requests = new List<RecordedRequest>();
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateFactory();

        async Task RunAsync(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond, Func<ContactsClient, Task> call, TimeSpan? attemptTimeout = null)
        {
            var options = provider.Options(secret);
            if (attemptTimeout is { } timeout)
            {
                options.AttemptTimeout = timeout;
            }

            var handler = new ScriptedHandler(respond);
            using var client = new ContactsClient(options, handler, loggerFactory);
            texts.Add(options.ToString()!);
            texts.Add(client.ToString()!);
            try
            {
                await call(client);
            }
            catch (Exception error)
            {
                texts.AddRange(Describe(error));
            }

            requests.AddRange(handler.Requests);
        }

        Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> Answer(Func<HttpResponseMessage> response) => (_, _) => Task.FromResult(response());

        Task Upsert(ContactsClient client) => client.UpsertAsync(provider.Valid);

        async Task UpsertMany(ContactsClient client)
        {
            var result = await client.UpsertManyAsync([provider.Valid, provider.Valid with { }]);
            texts.AddRange(result.Items.Where(item => item.Error is not null).SelectMany(item => Describe(item.Error!)));
            texts.AddRange(result.Items.Select(item => item.ToString()));
        }

        if (echoing)
        {
            await RunAsync(Answer(() => provider.EchoingFailure(secret)), Upsert);
            await RunAsync(Answer(() => provider.EchoingFailure(secret)), UpsertMany);
            await RunAsync(Answer(() => provider.EchoingFailure(secret)), client => client.DeleteManyAsync(["2", "3"]));
            // A retryable failure whose text quotes the credential: the retry is logged.
            await RunAsync(
                Answer(() => provider.Provider == ContactsProviders.Wasms
                    ? Respond.Json($$"""{"status": 500, "message": "Something went wrong with {{secret}}!", "data": false}""")
                    : provider.EchoingFailure(secret)),
                async client =>
                {
                    if (client.Capabilities.Supports(ContactsOperations.List))
                    {
                        await foreach (var contact in client.ListAsync())
                        {
                        }
                    }
                });
            texts.AddRange(logs.Lines);
            return (texts, requests);
        }

        // Success, then every kind of failure.
        await RunAsync(Answer(() => provider.SuccessBody.Length == 0 ? Respond.Status(HttpStatusCode.OK) : Respond.Json(provider.SuccessBody)), Upsert);
        await RunAsync(Answer(() => provider.AuthFailure(secret)), Upsert);
        await RunAsync(Answer(() => provider.AuthFailure(secret)), UpsertMany);
        await RunAsync(Answer(() => Respond.Status(HttpStatusCode.InternalServerError)), Upsert);
        await RunAsync(Answer(() => Respond.Status(HttpStatusCode.InternalServerError)), UpsertMany);
        // Undocumented answers are quoted in the error; a quoted credential must still be masked.
        await RunAsync(Answer(() => Respond.Json($$"""{"error":"internal","request":"{{secret}}"}""", HttpStatusCode.InternalServerError)), Upsert);
        await RunAsync(Answer(() => Respond.Json($$"""{"unexpected":"{{secret}}"}""", HttpStatusCode.BadGateway)), Upsert);
        await RunAsync(Answer(() => Respond.Json($"<html>bad gateway for {secret}</html>")), Upsert);
        await RunAsync(
            (request, _) => throw new HttpRequestException(
                $"Connection reset while sending {request.Method} {request.Uri.AbsoluteUri} (Authorization: {request.Header("Authorization")})",
                new IOException($"socket closed: {request.Uri.OriginalString}")),
            Upsert);
        await RunAsync(
            async (_, token) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(2), token);
                return Respond.Status(HttpStatusCode.OK);
            },
            Upsert,
            TimeSpan.FromMilliseconds(30));
        await RunAsync(Answer(() => Respond.Status(HttpStatusCode.OK)), client => client.UpsertAsync(provider.Invalid));

        // The provider's other operations, succeeding and failing, where it has them.
        await RunAsync(Answer(() => provider.AuthFailure(secret)), async client =>
        {
            if (client.Capabilities.Supports(ContactsOperations.List))
            {
                await foreach (var contact in client.ListAsync())
                {
                    texts.Add(contact.ToString());
                }
            }
        });
        await RunAsync(Answer(() => provider.AuthFailure(secret)), async client =>
        {
            if (client.Capabilities.Supports(ContactsOperations.Delete))
            {
                await client.DeleteAsync(provider.Provider == ContactsProviders.Wasms ? "2" : "79001234567");
            }
        });
        await RunAsync(Answer(() => Respond.Status(HttpStatusCode.OK)), client => client.GetAsync("1"));

        texts.AddRange(logs.Lines);
        Assert.That(logs.Lines, Is.Not.Empty, "the client logged, so the log search means something");
        return (texts, requests);
    }

    private static IEnumerable<string> Describe(Exception error)
    {
        yield return error.Message;
        yield return error.ToString();
        if (error is ContactsException contacts)
        {
            yield return contacts.ProviderCode ?? string.Empty;
            foreach (var field in contacts.FieldErrors)
            {
                yield return field.ToString();
            }
        }

        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            yield return inner.Message;
        }
    }
}
