using System.Net.Http.Headers;
using System.Text;
using ContactsSpec.Conformance.Stubs;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ContactsSpec.Conformance.Hosting.Tests;

public sealed class WireMockRequestLogTests
{
    private WireMockServer _server = null!;
    private HttpClient _http = null!;

    [SetUp]
    public void Start()
    {
        _server = LoopbackWireMock.Start();
        _http = new HttpClient();
    }

    [TearDown]
    public void Stop()
    {
        _http.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task A_case_sees_only_its_own_requests_in_arrival_order()
    {
        await SendAsync("case-a", "first");
        await SendAsync("case-b", "other");
        await SendAsync("case-a", "second");

        var entries = await _server.WaitForAsync("case-a", 2, TimeSpan.FromSeconds(5));

        Assert.That(entries.Select(entry => RecordedRequest.From(entry.RequestMessage).Path), Is.EqualTo(new[] { "/first", "/second" }));
    }

    [Test]
    public async Task A_request_is_recorded_as_sent_path_still_encoded_query_raw_body_bytes()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseUri(), "v2/contacts/79001234567%40c.us?access_token=a%2Bb&x=1"));
        request.Headers.Add(ConformanceHeaders.CaseId, "raw");
        request.Content = new StringContent("{\"firstName\":\"Ivan\"}", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var answer = await _http.SendAsync(request);

        var recorded = RecordedRequest.From((await _server.WaitForAsync("raw", 1, TimeSpan.FromSeconds(5))).Single().RequestMessage);

        Assert.Multiple(() =>
        {
            Assert.That(recorded.Method, Is.EqualTo("POST"));
            Assert.That(recorded.Path, Is.EqualTo("/v2/contacts/79001234567%40c.us"));
            Assert.That(recorded.Headers.Select(header => header.Key), Has.None.EqualTo("X-ContactsSpec-Raw-Target"));
            Assert.That(recorded.Query, Is.EqualTo("access_token=a%2Bb&x=1"));
            Assert.That(recorded.Header("content-type"), Does.StartWith("application/json"));
            Assert.That(Encoding.UTF8.GetString(recorded.Body), Is.EqualTo("{\"firstName\":\"Ivan\"}"));
        });
    }

    [Test]
    public async Task A_near_miss_names_the_closest_stub_and_what_did_not_match()
    {
        new WireMockStub(
            "wazzup-v3/getContact/200/contact",
            Request.Create().UsingGet().WithPath("/v3/contacts/1").WithHeader("Authorization", new ExactMatcher("Bearer right")),
            Response.Create().WithStatusCode(200)).AddTo(_server);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.BaseUri(), "v3/contacts/1"));
        request.Headers.Add(ConformanceHeaders.CaseId, "miss");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer wrong");
        using var answer = await _http.SendAsync(request);

        var entry = (await _server.WaitForAsync("miss", 1, TimeSpan.FromSeconds(5))).Single();
        var nearMiss = WireMockRequestLog.NearMiss(entry);

        Assert.That(nearMiss, Does.Contain("GET /v3/contacts/1").And.Contain("closest stub 'wazzup-v3/getContact/200/contact'").And.Contain("Header"));
    }

    [Test]
    public async Task A_matched_request_has_no_near_miss()
    {
        new WireMockStub("hit", Request.Create().UsingGet().WithPath("/hit"), Response.Create().WithStatusCode(204)).AddTo(_server);
        await SendAsync("hit", "hit");

        var entry = (await _server.WaitForAsync("hit", 1, TimeSpan.FromSeconds(5))).Single();

        Assert.That(WireMockRequestLog.NearMiss(entry), Is.Empty);
        Assert.That(entry.MappingTitle, Is.EqualTo("hit"));
    }

    [Test]
    public async Task A_scenario_end_state_that_sets_itself_again_keeps_answering()
    {
        // WireMock.Net leaves a state once a mapping in it has matched unless that mapping sets it again.
        _server.Given(Request.Create().UsingGet().WithPath("/retry")).InScenario("s").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429));
        _server.Given(Request.Create().UsingGet().WithPath("/retry")).InScenario("s").WhenStateIs("ok").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(200));

        var statuses = new List<int>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var answer = await _http.GetAsync(new Uri(_server.BaseUri(), "retry"));
            statuses.Add((int)answer.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { 429, 200, 200 }));
    }

    private async Task SendAsync(string caseTag, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.BaseUri(), path));
        request.Headers.Add(ConformanceHeaders.CaseId, caseTag);
        using var answer = await _http.SendAsync(request);
    }
}
