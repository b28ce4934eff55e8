using System.Net;
using System.Text.Json.Nodes;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Specs;

namespace ContactsSpec.Conformance.Hosting.Tests;

public sealed class WireMockAdminClientTests
{
    private WireMockServer _server = null!;
    private HttpClient _http = null!;

    private WireMockAdminClient Admin => _server.Admin;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await WireMockServer.StartAsync(WireMockServerOptions.ForRepository(SpecCatalog.FindRepositoryRoot()));
        _http = new HttpClient { BaseAddress = _server.BaseUri };
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _http?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
            File.Delete(_server.LogPath);
        }
    }

    [SetUp]
    public Task Reset() => Admin.ResetAsync();

    [Test]
    public async Task An_imported_mapping_is_served_and_its_request_is_found_in_the_journal()
    {
        await Admin.ImportMappingsAsync(
        [
            Stub("GET", "urlPath", "/contacts", 200, """{"ok":true}"""),
        ]);

        using var response = await _http.GetAsync(new Uri("contacts?page=2", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"ok":true}"""));

        var found = await Admin.FindRequestsAsync(new JsonObject { ["method"] = "GET", ["urlPath"] = "/contacts" });
        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That((string?)found[0]!["url"], Is.EqualTo("/contacts?page=2"));
        var notFound = await Admin.FindRequestsAsync(new JsonObject { ["method"] = "POST", ["urlPath"] = "/contacts" });
        Assert.That(notFound, Is.Empty);

        var events = await Admin.GetServeEventsAsync();
        Assert.That(events, Has.Count.EqualTo(1));
        Assert.That((bool?)events[0]!["wasMatched"], Is.True);
    }

    [Test]
    public async Task Import_replaces_mappings_that_are_not_in_the_import()
    {
        await Admin.ImportMappingsAsync([Stub("GET", "url", "/old", 200, "old")]);
        await Admin.ImportMappingsAsync([Stub("GET", "urlPathTemplate", "/contacts/{id}", 200, "new")]);

        var mappings = await Admin.GetMappingsAsync();

        Assert.That(mappings, Has.Count.EqualTo(1));
        Assert.That((string?)mappings[0]!["request"]!["urlPathTemplate"], Is.EqualTo("/contacts/{id}"));
        using var old = await _http.GetAsync(new Uri("old", UriKind.Relative));
        Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_unmatched_request_has_near_misses_naming_the_closest_stub()
    {
        await Admin.ImportMappingsAsync([Stub("POST", "urlPath", "/api/contacts", 201, "{}")]);
        using var response = await _http.GetAsync(new Uri("api/contact", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var unmatched = await Admin.GetUnmatchedRequestsAsync();
        Assert.That(unmatched, Has.Count.EqualTo(1));
        var nearMisses = await Admin.GetNearMissesAsync(unmatched[0]!.AsObject());
        Assert.That(nearMisses, Has.Count.EqualTo(1));

        var text = WireMockAdminClient.FormatNearMisses(nearMisses);
        Assert.That(text, Does.Contain("POST urlPath /api/contacts").And.Contain("GET /api/contact").And.Contain("distance 0."));
    }

    [Test]
    public async Task Resetting_the_journal_forgets_requests_but_keeps_stubs()
    {
        await Admin.ImportMappingsAsync([Stub("GET", "url", "/ping", 200, "pong")]);
        using (await _http.GetAsync(new Uri("ping", UriKind.Relative)))
        {
        }

        await Admin.ResetRequestJournalAsync();

        Assert.That(await Admin.GetServeEventsAsync(), Is.Empty);
        Assert.That(await Admin.GetMappingsAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Resetting_scenarios_puts_them_back_to_started()
    {
        var first = Stub("GET", "url", "/state", 200, "first");
        first["scenarioName"] = "flow";
        first["requiredScenarioState"] = "Started";
        first["newScenarioState"] = "second";
        var second = Stub("GET", "url", "/state", 200, "second");
        second["scenarioName"] = "flow";
        second["requiredScenarioState"] = "second";
        await Admin.ImportMappingsAsync([first, second]);

        Assert.That(await _http.GetStringAsync(new Uri("state", UriKind.Relative)), Is.EqualTo("first"));
        Assert.That(await _http.GetStringAsync(new Uri("state", UriKind.Relative)), Is.EqualTo("second"));
        await Admin.ResetScenariosAsync();

        Assert.That(await _http.GetStringAsync(new Uri("state", UriKind.Relative)), Is.EqualTo("first"));
    }

    [Test]
    public void A_rejected_admin_call_throws_with_status_and_body()
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(
            () => Admin.FindRequestsAsync(new JsonObject { ["bodyPatterns"] = "not an array" }));

        Assert.That(error!.Message, Does.Match("answered [45][0-9][0-9]").And.Contain("errors"));
    }

    [Test]
    public void FormatNearMisses_lists_at_most_max_closest_first()
    {
        var nearMisses = new JsonArray(NearMiss(0.5, "/far"), NearMiss(0.1, "/near"), NearMiss(0.3, "/middle"));

        var text = WireMockAdminClient.FormatNearMisses(nearMisses, max: 2);

        Assert.That(text, Does.Contain("2 of 3"));
        Assert.That(text.IndexOf("/near", StringComparison.Ordinal), Is.LessThan(text.IndexOf("/middle", StringComparison.Ordinal)));
        Assert.That(text, Does.Not.Contain("/far"));
    }

    private static JsonObject Stub(string method, string urlKey, string url, int status, string body) => new()
    {
        ["request"] = new JsonObject { ["method"] = method, [urlKey] = url },
        ["response"] = new JsonObject { ["status"] = status, ["body"] = body },
    };

    private static JsonObject NearMiss(double distance, string url) => new()
    {
        ["request"] = new JsonObject { ["method"] = "GET", ["url"] = "/x" },
        ["stubMapping"] = new JsonObject { ["request"] = new JsonObject { ["method"] = "GET", ["url"] = url } },
        ["matchResult"] = new JsonObject { ["distance"] = distance },
    };
}
