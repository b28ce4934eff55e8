using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ContactsSpec.Reliability.Tests.Support;

namespace ContactsSpec.Reliability.Tests;

/// <summary>What a broken or malicious provider answers.</summary>
public enum HostileAnswer
{
    /// <summary>200 with JSON that does not parse.</summary>
    InvalidJson,

    /// <summary>200 with the documented body cut in half.</summary>
    TruncatedBody,

    /// <summary>200 whose Content-Length promises more than arrives: the connection drops midway.</summary>
    DroppedMidBody,

    /// <summary>200 with the documented body, every number a string and every string a number.</summary>
    WrongTypes,

    /// <summary>200 with an empty body.</summary>
    EmptyBody,

    /// <summary>200 with the JSON literal null.</summary>
    NullBody,

    /// <summary>200 with an HTML page (a captive portal, a maintenance page).</summary>
    HtmlPage200,

    /// <summary>502 with an HTML error page from a proxy.</summary>
    HtmlErrorPage502,

    /// <summary>200 with an XML document (application/xml).</summary>
    WrongContentType,

    /// <summary>200 with the documented JSON under text/html: accepted on purpose (PHP providers send that).</summary>
    DocumentedBodyAsTextHtml,

    /// <summary>50 MB of JSON-looking data without a Content-Length, streamed.</summary>
    OversizedStreamed,

    /// <summary>A Content-Length of 50 MB.</summary>
    OversizedDeclared,

    /// <summary>The documented body padded to 8 KiB, with MaxResponseBytes at 4 KiB.</summary>
    OverSmallCap,

    /// <summary>The same padded body under the default cap: accepted.</summary>
    UnderDefaultCap,

    /// <summary>An error answer whose code and text echo the credential.</summary>
    ErrorEchoesCredential,
}

/// <summary>
/// Every provider operation × hostile answers, from an in-memory provider: each ends in the documented outcome,
/// a typed ProviderError or Transport error (OutcomeUnknown for a write not safe to repeat) whose message quotes a
/// bounded, redacted excerpt of the body; never a
/// raw JsonException, NullReferenceException or any other exception; bodies beyond MaxResponseBytes are not read.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class HostileResponseTests
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;
    private const long DefaultCap = 10L * 1024 * 1024;
    private const int MaxMessageLength = 1000;
    private const string ExampleOperation = "wazzup-v3/getContact";
    private static readonly Uri _root = new("https://provider.test/");

    public static IEnumerable<TestCaseData> Cases() =>
        from operation in ProviderCatalog.Operations
        from answer in Enum.GetValues<HostileAnswer>()
        select new TestCaseData(operation.ToString(), answer);

    [TestCaseSource(nameof(Cases))]
    public async Task Ends_in_a_typed_error_with_a_bounded_redacted_excerpt(string operationKey, HostileAnswer answer)
    {
        var operation = ProviderCatalog.Operations.Single(candidate => candidate.ToString() == operationKey);
        var documented = ReliabilityRun.SuccessAnswers[operation.ToString()];
        var credentials = Credentials.New(operation.Provider);
        GeneratedContent? generated = null;
        var handler = new RecordingHandler(_ =>
        {
            var (response, content) = Respond(operation, documented, answer, credentials.Secret);
            generated = content;
            return response;
        });
        var options = ProviderCatalog.Options(operation.Provider, _root, credentials);
        options.Retry.MaxRetries = 0;
        if (answer == HostileAnswer.OverSmallCap)
        {
            options.MaxResponseBytes = 4096;
        }

        using var client = new ContactsClient(options, handler, Evidence.LoggerFactory);
        Exception? error = null;
        try
        {
            await operation.Invoke(client, CancellationToken.None);
        }
#pragma warning disable CA1031 // The outcome is judged below, whatever it is.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            error = exception;
            Evidence.Scan($"{operation}/{answer}", exception);
        }

        var expected = Expect(operation, answer);
        var outcome = error switch
        {
            null => "Success",
            ContactsException contacts => contacts.Kind.ToString(),
            _ => $"Unexpected {error.GetType().Name}",
        };
        var message = error?.Message ?? string.Empty;
        var quotesBody = QuotesBody(answer) && outcome is "ProviderError" or "Transport" or "OutcomeUnknown";
        var held = error is null or ContactsException
            && (expected is null ? error is ContactsException : outcome == expected)
            && message.Length <= MaxMessageLength
            && !message.Contains(credentials.Secret, StringComparison.Ordinal)
            && (!quotesBody || message.Contains("The answer began", StringComparison.Ordinal));
        Figures.Response(new HostileResponseRow(operation.Provider, operation.SpecOperationId, answer.ToString(), outcome, message.Length, held));
        if (operation.ToString() == ExampleOperation)
        {
            Figures.Example(answer.ToString(), error?.Message ?? "(success)");
        }

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null.Or.InstanceOf<ContactsException>(), $"only ContactsException may reach the caller: {error}");
            if (expected is null)
            {
                Assert.That(error, Is.InstanceOf<ContactsException>(), "an error answer is an error");
            }
            else
            {
                Assert.That(outcome, Is.EqualTo(expected), $"{error}");
            }

            Assert.That(message, Has.Length.LessThanOrEqualTo(MaxMessageLength), "a bounded message");
            Assert.That(message, Does.Not.Contain(credentials.Secret), "the credential the body echoed is redacted");
            if (quotesBody)
            {
                Assert.That(message, Does.Contain("The answer began"), "the message quotes the beginning of the body");
            }

            if (answer is HostileAnswer.OversizedStreamed && operation.ReadsSuccessBody)
            {
                Assert.That(generated!.Served, Is.LessThanOrEqualTo(DefaultCap + 1), "the body was read no further than the cap");
            }

            if (answer is HostileAnswer.OversizedDeclared)
            {
                Assert.That(generated!.Served, Is.Zero, "a declared oversize is refused before its body is read");
            }

            if (answer is HostileAnswer.HtmlErrorPage502 && error is ContactsException { } failed)
            {
                Assert.That(failed.Status, Is.EqualTo(502));
                Assert.That(failed.IsRetryable, Is.EqualTo(operation.Idempotent), "a 5xx may pass, but a write not safe to repeat is not sent again");
            }
        });
    }

    /// <summary>
    /// The outcome docs/ERRORS.md gives; null where any ContactsException will do (an error answer echoing the
    /// credential). A write not safe to repeat makes a failure after which the provider may have acted OutcomeUnknown.
    /// </summary>
    private static string? Expect(FacadeOperation operation, HostileAnswer answer)
    {
        var kind = AsAnswered(operation, answer);
        return kind is "ProviderError" or "Transport" && !operation.Idempotent ? "OutcomeUnknown" : kind;
    }

    private static string? AsAnswered(FacadeOperation operation, HostileAnswer answer) => answer switch
    {
        HostileAnswer.DocumentedBodyAsTextHtml or HostileAnswer.UnderDefaultCap => "Success",
        HostileAnswer.HtmlErrorPage502 or HostileAnswer.OversizedDeclared => "ProviderError",
        HostileAnswer.ErrorEchoesCredential => null,
        // An operation that documents no success body does not read what a 200 carries.
        _ when !operation.ReadsSuccessBody => "Success",
        HostileAnswer.DroppedMidBody => "Transport",
        _ => "ProviderError",
    };

    private static bool QuotesBody(HostileAnswer answer) => answer is HostileAnswer.InvalidJson or HostileAnswer.TruncatedBody or HostileAnswer.DroppedMidBody
        or HostileAnswer.WrongTypes or HostileAnswer.HtmlPage200 or HostileAnswer.HtmlErrorPage502 or HostileAnswer.WrongContentType
        or HostileAnswer.OversizedStreamed or HostileAnswer.OverSmallCap;

    private static (HttpResponseMessage Response, GeneratedContent? Content) Respond(FacadeOperation operation, SuccessAnswer documented, HostileAnswer answer, string secret)
    {
        var body = documented.Body ?? "{}";
        var html = $"<!DOCTYPE html><html><head><title>Service unavailable</title></head><body><h1>We'll be back soon</h1><p>request token={secret}</p>{new string(' ', 2000)}<p>END-OF-PAGE</p></body></html>";
        HttpResponseMessage Text(HttpStatusCode status, string text, string mediaType) =>
            new(status) { Content = new StringContent(text, Encoding.UTF8, mediaType) };
        (HttpResponseMessage, GeneratedContent?) Generated(GeneratedContent content) => (new HttpResponseMessage(HttpStatusCode.OK) { Content = content }, content);

        return answer switch
        {
            HostileAnswer.InvalidJson => (Text(HttpStatusCode.OK, $$"""{"err": 0,, "status": 200 "token": "{{secret}}" ]""", "application/json"), null),
            HostileAnswer.TruncatedBody => (Text(HttpStatusCode.OK, body[..Math.Max(1, body.Length / 2)], "application/json"), null),
            HostileAnswer.DroppedMidBody => Generated(new GeneratedContent(body, " ", body.Length * 4L, declareLength: true, "application/json", failAfter: Math.Max(1, body.Length / 2))),
            HostileAnswer.WrongTypes => (Text(HttpStatusCode.OK, WrongTypes(body), "application/json"), null),
            HostileAnswer.EmptyBody => (Text(HttpStatusCode.OK, string.Empty, "application/json"), null),
            HostileAnswer.NullBody => (Text(HttpStatusCode.OK, "null", "application/json"), null),
            HostileAnswer.HtmlPage200 => (Text(HttpStatusCode.OK, html, "text/html"), null),
            HostileAnswer.HtmlErrorPage502 => (Text(HttpStatusCode.BadGateway, html, "text/html"), null),
            HostileAnswer.WrongContentType => (Text(HttpStatusCode.OK, $"<?xml version=\"1.0\"?><response><status>ok</status><token>{secret}</token></response>", "application/xml"), null),
            HostileAnswer.DocumentedBodyAsTextHtml => (Text((HttpStatusCode)documented.Status, body, "text/html"), null),
            HostileAnswer.OversizedStreamed => Generated(new GeneratedContent($$"""{"token": "{{secret}}", "data": [""", """{"id": "x", "name": "padding"}, """, FiftyMegabytes, declareLength: false, "application/json")),
            HostileAnswer.OversizedDeclared => Generated(new GeneratedContent("{\"data\": [", "{\"id\": \"x\"}, ", FiftyMegabytes, declareLength: true, "application/json")),
            HostileAnswer.OverSmallCap or HostileAnswer.UnderDefaultCap => Generated(new GeneratedContent(body, " ", body.Length + 8192L, declareLength: false, "application/json")),
            HostileAnswer.ErrorEchoesCredential => (EchoingError(operation.Provider, secret), null),
            _ => throw new ArgumentOutOfRangeException(nameof(answer)),
        };
    }

    // Each provider's own way of reporting an error, with the credential in its code, text and field names.
    private static HttpResponseMessage EchoingError(string provider, string secret)
    {
        var (status, body) = provider switch
        {
            ContactsProviders.Wamm => (HttpStatusCode.OK, $$"""{"err": "token fail: {{secret}}"}"""),
            ContactsProviders.Wasms => (HttpStatusCode.OK, $$"""{"status": 401, "message": "Invalid API secret {{secret}}", "data": false}"""),
            ContactsProviders.WazzupV3 => (HttpStatusCode.BadRequest,
                $$"""{"error": "INVALID_CONTACTS_DATA {{secret}}", "description": "key {{secret}} refused", "data": [{"index": 0, "fields": ["{{secret}}"]}]}"""),
            _ => (HttpStatusCode.Unauthorized, $$"""{"error": "unauthorized", "description": "unknown key {{secret}}"}"""),
        };
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    /// <summary>The documented body retyped; a body with nothing to retype (<c>[]</c>, <c>{}</c>) becomes the other kind of container.</summary>
    private static string WrongTypes(string body)
    {
        var retyped = Retype(JsonNode.Parse(body))?.ToJsonString() ?? "0";
        return retyped != JsonNode.Parse(body)?.ToJsonString() ? retyped : body.TrimStart().StartsWith('[') ? """{"data": 42}""" : "[42]";
    }

    /// <summary>Every number becomes a string, every string a number, every boolean a string.</summary>
    private static JsonNode? Retype(JsonNode? node) => node switch
    {
        JsonObject item => new JsonObject([.. item.Select(pair => KeyValuePair.Create(pair.Key, Retype(pair.Value)))]),
        JsonArray items => new JsonArray([.. items.Select(Retype)]),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => JsonValue.Create(4242),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number => JsonValue.Create(value.ToJsonString()),
        null => null,
        _ => JsonValue.Create(node.ToJsonString()),
    };
}
