using ContactsSpec.Conformance.Hosting;
using System.Text;
using ContactsSpec.Specs;
using ContactsSpec.Conformance.Verification;

namespace ContactsSpec.Conformance.Tests;

/// <summary>The request check catches each way a request can break its spec.</summary>
[TestFixture]
public sealed class RequestVerifierTests
{
    private const string WazzupV3Contact = "[{\"id\":\"1\",\"responsibleUserId\":\"1\",\"name\":\"3301\",\"contactData\":[{\"chatType\":\"whatsapp\",\"chatId\":\"79991114433\"}]}]";
    private const string WammUrl = "/api2/contact_to/YOUR_TOKEN/?phone=79001234567&name=Ivan%20Petrov";

    [Test]
    public async Task A_correct_json_request_passes()
    {
        var problems = await VerifyAsync("wazzup-v3", "upsertContacts", "POST", "/v3/contacts", WazzupV3Contact, "application/json", bearer: true);

        Assert.That(problems, Is.Empty);
    }

    [TestCase("[{\"id\":\"1\",\"responsibleUserId\":\"1\",\"name\":\"3301\",\"contactData\":[{\"chatType\":\"whatsapp\",\"chatId\":\"1\"}],\"uri\":null}]", TestName = "Null optional property")]
    [TestCase("[{\"id\":\"1\",\"name\":\"3301\",\"contactData\":[{\"chatType\":\"whatsapp\",\"chatId\":\"1\"}]}]", TestName = "Missing required property")]
    [TestCase("[]", TestName = "Empty batch")]
    public async Task A_json_body_that_breaks_the_schema_is_reported(string body)
    {
        var problems = await VerifyAsync("wazzup-v3", "upsertContacts", "POST", "/v3/contacts", body, "application/json", bearer: true);

        Assert.That(problems, Has.Some.StartsWith("body:"));
    }

    [Test]
    public async Task A_missing_bearer_token_is_reported()
    {
        var problems = await VerifyAsync("wazzup-v3", "upsertContacts", "POST", "/v3/contacts", WazzupV3Contact, "application/json", bearer: false);

        Assert.That(problems, Has.Some.Contains("bearer token"));
    }

    [Test]
    public async Task A_wrong_content_type_is_reported()
    {
        var problems = await VerifyAsync("wazzup-v3", "upsertContacts", "POST", "/v3/contacts", WazzupV3Contact, "text/plain", bearer: true);

        Assert.That(problems, Has.Some.StartsWith("Content-Type"));
    }

    [TestCase(WammUrl, null)]
    [TestCase("/api2/contact_to/YOUR_TOKEN/?phone=79001234567", "required query parameter name is missing")]
    [TestCase(WammUrl + "&token=YOUR_TOKEN", "query parameter token is not in the spec")]
    [TestCase("/api2/contact_to/?phone=79001234567&name=Ivan", "does not fit")]
    [TestCase("/api2/contact_to/YOUR_TOKEN/?phone=79001234567&name=", "query parameter name:")]
    public async Task Query_and_path_are_checked_against_the_spec(string url, string? expectedProblem)
    {
        var problems = await VerifyAsync("wamm", "contactTo", "GET", url, null, null, bearer: false);

        Assert.That(problems, expectedProblem is null ? Is.Empty : Has.Some.Contains(expectedProblem));
    }

    [Test]
    public async Task A_value_over_a_documented_length_is_reported()
    {
        var problems = await VerifyAsync("wamm", "contactTo", "GET", $"/api2/contact_to/T/?phone=1&name={new string('a', 251)}", null, null, bearer: false);

        Assert.That(problems, Has.Some.Match("^query parameter name: .*maxLength"));
    }

    [Test]
    public async Task An_authorization_header_where_the_spec_puts_credentials_elsewhere_is_reported()
    {
        var problems = await VerifyAsync("wamm", "contactTo", "GET", WammUrl, null, null, bearer: true);

        Assert.That(problems, Has.Some.Contains("Authorization header"));
    }

    [Test]
    public async Task A_wrong_method_is_reported()
    {
        var problems = await VerifyAsync("wamm", "contactTo", "POST", WammUrl, null, null, bearer: false);

        Assert.That(problems, Has.Some.StartsWith("method is POST"));
    }

    [TestCase(true, null)]
    [TestCase(false, "required form field secret is missing")]
    public async Task Multipart_form_fields_are_checked_against_the_spec(bool withSecret, string? expectedProblem)
    {
        using var form = new MultipartFormDataContent("boundary42");
        if (withSecret)
        {
            form.Add(new StringContent("API_SECRET"), "secret");
        }

        form.Add(new StringContent("Friends"), "name");
        var body = await form.ReadAsStringAsync();

        var problems = await VerifyAsync("wasms", "createGroup", "POST", "/api/create/group", body, "multipart/form-data; boundary=\"boundary42\"", bearer: false);

        Assert.That(problems, expectedProblem is null ? Is.Empty : Has.Some.EqualTo(expectedProblem));
    }

    [TestCase("secret=API_SECRET&name=Friends", null)]
    [TestCase("name=Friends", "required form field secret is missing")]
    [TestCase("secret=API_SECRET&name=Friends&label=vip", "form field label is not in the spec")]
    [TestCase("secret=API_SECRET&name=Friends&name=Family", "form field name is sent 2 times")]
    public async Task Url_encoded_form_fields_are_checked_against_the_spec(string body, string? expectedProblem)
    {
        var problems = await VerifyAsync("wasms", "createGroup", "POST", "/api/create/group", body, "application/x-www-form-urlencoded", bearer: false);

        Assert.That(problems, expectedProblem is null ? Is.Empty : Has.Some.EqualTo(expectedProblem));
    }

    [Test]
    public async Task A_form_in_a_content_type_the_spec_does_not_declare_is_refused()
    {
        var problems = await VerifyAsync("wasms", "createGroup", "POST", "/api/create/group", "{\"secret\":\"API_SECRET\",\"name\":\"Friends\"}", "application/json", bearer: false);

        Assert.That(problems, Is.EqualTo(new[] { "Content-Type is 'application/json', the spec says multipart/form-data or application/x-www-form-urlencoded" }));
    }

    private static async Task<IReadOnlyList<string>> VerifyAsync(
        string provider, string operationId, string method, string url, string? body, string? contentType, bool bearer)
    {
        var spec = (await ConformanceSuite.SpecsAsync()).Single(candidate => candidate.Key == provider);
        var operation = spec.Operations.Single(candidate => candidate.Id == operationId);
        var headers = new List<KeyValuePair<string, string>> { KeyValuePair.Create("Host", "127.0.0.1") };
        if (bearer)
        {
            headers.Add(KeyValuePair.Create("Authorization", "Bearer token"));
        }

        if (contentType is not null)
        {
            headers.Add(KeyValuePair.Create("Content-Type", contentType));
        }

        return await RequestVerifier.VerifyAsync(operation, new RecordedRequest(method, url, headers, Encoding.UTF8.GetBytes(body ?? string.Empty)));
    }
}
