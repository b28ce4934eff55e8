using System.Net.Http.Headers;
using System.Text;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Stubs;

namespace ContactsSpec.Conformance.Tests;

/// <summary>
/// The stubs accept only what the spec calls a correct request: each test sends the correct request (which must
/// match) and the same request with one thing wrong (which must not).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class StubStrictnessTests
{
    private const string WazzupV3Token = "c8cf904467023482f909520d454368d27";
    private const string WazzupV3Contacts = "[{\"id\":\"1\",\"responsibleUserId\":\"1\",\"name\":\"3301\",\"contactData\":[{\"chatType\":\"whatsapp\",\"chatId\":\"79991114433\"}],\"uri\":\"https://link-to-contact-in-crm.com\"},"
        + "{\"id\":\"2\",\"responsibleUserId\":\"1\",\"name\":\"3302\",\"contactData\":[{\"chatType\":\"whatsapp\",\"chatId\":\"79884447788\"}]}]";

    private const string WammQuery = "?phone=79001234567&name=Ivan%20Petrov&info=New%20client&email=ivan%40example.com&web=https%3A%2F%2Fexample.com";

    private static readonly HttpClient Http = new();

    [TestCase("Bearer " + WazzupV3Token, true)]
    [TestCase("Bearer wrong-token", false)]
    [TestCase("Basic " + WazzupV3Token, false)]
    [TestCase(null, false)]
    public async Task Bearer_token_must_be_in_the_Authorization_header(string? authorization, bool matches)
    {
        using var request = Request("wazzup-v3/getContact/200/contact", HttpMethod.Get, "v3/contacts/111-2e0df379-0e3c-470f-9b36");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        Assert.That(await MatchesAsync(request), Is.EqualTo(matches));
    }

    [TestCase("api2/contact_to/YOUR_TOKEN/" + WammQuery, true)]
    [TestCase("api2/contact_to/OTHER_TOKEN/" + WammQuery, false)]
    [TestCase("api2/contact_to/" + WammQuery + "&token=YOUR_TOKEN", false)]
    [TestCase("api2/contact_to/YOUR_TOKEN/?phone=79001234567&info=New%20client&email=ivan%40example.com&web=https%3A%2F%2Fexample.com", false)]
    public async Task Wamm_token_must_be_the_path_segment_and_required_query_present(string url, bool matches)
    {
        using var request = Request("wamm/contactTo/200/insert", HttpMethod.Get, url);

        Assert.That(await MatchesAsync(request), Is.EqualTo(matches));
    }

    [TestCase("api/get/contacts?secret=API_SECRET&limit=10&page=1", true)]
    [TestCase("api/get/contacts?limit=10&page=1", false)]
    [TestCase("api/get/contacts?secret=OTHER&limit=10&page=1", false)]
    public async Task Wasms_secret_must_be_a_query_parameter_on_get_routes(string url, bool matches)
    {
        using var request = Request("wasms/getContacts/200/saved-contacts", HttpMethod.Get, url);

        Assert.That(await MatchesAsync(request), Is.EqualTo(matches));
    }

    [TestCase(WazzupV3Contacts, "application/json", true)]
    [TestCase(WazzupV3Contacts, "text/plain", false)]
    [TestCase("[{\"id\":\"1\",\"responsibleUserId\":\"1\",\"name\":\"3301\",\"contactData\":[{\"chatType\":\"whatsapp\",\"chatId\":\"79991114433\"}],\"uri\":\"https://link-to-contact-in-crm.com\"},"
        + "{\"id\":\"2\",\"responsibleUserId\":\"1\",\"name\":\"3302\",\"contactData\":[{\"chatType\":\"whatsapp\",\"chatId\":\"79884447788\"}],\"uri\":null}]", "application/json", false)]
    public async Task Json_body_must_be_the_documented_request_example(string body, string contentType, bool matches)
    {
        using var request = Request("wazzup-v3/upsertContacts/200/empty", HttpMethod.Post, "v3/contacts");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + WazzupV3Token);
        request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType));

        Assert.That(await MatchesAsync(request), Is.EqualTo(matches));
    }

    [TestCase(true, true)]
    [TestCase(false, false)]
    public async Task Wasms_secret_must_be_a_form_field_on_post_routes(bool withSecret, bool matches)
    {
        using var request = Request("wasms/createGroup/200/created", HttpMethod.Post, "api/create/group");
        var form = new MultipartFormDataContent();
        if (withSecret)
        {
            form.Add(new StringContent("API_SECRET"), "secret");
        }

        form.Add(new StringContent("Friends"), "name");
        request.Content = form;

        Assert.That(await MatchesAsync(request), Is.EqualTo(matches));
    }

    [TestCase("secret=API_SECRET&name=Friends", true)]
    [TestCase("name=API_SECRET&secret=Friends", false)]
    [TestCase("name=Friends", false)]
    [TestCase("secret=API_SECRET&name=Friends&label=vip", false)]
    public async Task Wasms_url_encoded_form_must_be_the_documented_fields_exactly(string body, bool matches)
    {
        using var request = Request("wasms/createGroup/200/created", HttpMethod.Post, "api/create/group");
        request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/x-www-form-urlencoded"));

        Assert.That(await MatchesAsync(request), Is.EqualTo(matches));
    }

    [Test]
    public async Task A_url_encoded_value_is_matched_decoded()
    {
        using var request = Request("wasms/createContact/200/created", HttpMethod.Post, "api/create/contact");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["secret"] = "API_SECRET", ["phone"] = "+923012345678", ["name"] = "Martin Crater", ["groups"] = "1,2,3,4",
        });

        Assert.That(await MatchesAsync(request), Is.True);
    }

    private static HttpRequestMessage Request(string caseId, HttpMethod method, string relativeUrl)
    {
        var request = new HttpRequestMessage(method, new Uri(ConformanceServer.Server.BaseUri(), relativeUrl));
        request.Headers.Add(ConformanceHeaders.CaseId, caseId);
        return request;
    }

    // Loads the stub of the case the request is tagged with, sends the request, and says whether that stub answered.
    private static async Task<bool> MatchesAsync(HttpRequestMessage request)
    {
        var caseId = request.Headers.GetValues(ConformanceHeaders.CaseId).Single();
        var @case = (await ConformanceSuite.CasesAsync()).Single(candidate => candidate.Id == caseId);
        using var stubs = ConformanceServer.Runner.LoadStubs(@case, ConformanceTarget.NSwagClient);
        using var response = await Http.SendAsync(request);
        return response.Headers.Contains(ConformanceHeaders.MatchedStub);
    }
}
