using System.Globalization;

namespace ContactsSpec.Specs.Tests;

/// <summary>
/// Every constraint and response status a spec states is either documented (listed in documented-facts.json, from the
/// pages the spec cites) or marked as an assumption where it is made (specs/README.md, "Facts and assumptions").
/// </summary>
[TestFixture]
public sealed class AssumptionMarkerTests
{
    private static IEnumerable<TestCaseData> Providers() =>
        SpecSuite.ProviderKeys.Select(key => new TestCaseData(key).SetArgDisplayNames(key));

    [TestCaseSource(nameof(Providers))]
    public async Task Every_constraint_and_status_is_documented_or_marked_as_an_assumption(string key)
    {
        var stated = await StatedAsync(key);

        var unsourced = Unsourced(stated, Documented(key)).ToList();

        // Every one is listed, not the first ten: each needs its own decision (documented, or marked and why).
        Assert.That(unsourced, Is.Empty, $"stated without a source in documented-facts.json or an x-assumption marker:\n  {string.Join("\n  ", unsourced)}\n");
    }

    [TestCaseSource(nameof(Providers))]
    public async Task No_documented_fact_is_also_marked_as_an_assumption(string key)
    {
        var stated = await StatedAsync(key);
        var documented = Documented(key);

        var both = stated.Facts.Where(fact => fact.Assumption is not null && documented.Contains(fact.Text)).Select(fact => fact.Text);

        Assert.That(both, Is.Empty, "listed as documented yet marked as assumed: one of the two is wrong");
    }

    [TestCaseSource(nameof(Providers))]
    public async Task Every_documented_fact_is_stated_by_the_spec(string key)
    {
        var stated = (await StatedAsync(key)).Facts.Select(fact => fact.Text).ToHashSet(StringComparer.Ordinal);

        Assert.That(Documented(key).Where(fact => !stated.Contains(fact)), Is.Empty, "documented-facts.json lists facts the spec no longer states (renamed, changed or dropped)");
    }

    [TestCaseSource(nameof(Providers))]
    public async Task Every_assumption_marker_says_why_and_covers_only_what_its_node_states(string key)
    {
        var stated = await StatedAsync(key);

        var problems = stated.Malformed.Concat(stated.Markers.SelectMany(marker => MarkerProblems(marker, SpecSuite.ProviderKeys)));

        Assert.That(problems, Is.Empty);
    }

    // ---- the check itself, on a spec built for it ----

    [Test]
    public void An_unmarked_constraint_or_status_is_caught_and_a_marked_one_passes()
    {
        var stated = StatedFactsOf("""
            {
              "openapi": "3.0.3", "info": { "title": "t", "version": "1" },
              "paths": { "/items": { "get": {
                "operationId": "listItems",
                "parameters": [
                  { "name": "limit", "in": "query", "required": true, "schema": { "type": "integer", "minimum": 1, "maximum": 50, "x-assumption": { "maximum": "not on the page" } } }
                ],
                "responses": {
                  "200": { "description": "ok", "x-assumption": { "status": "the page names no status" } },
                  "201": { "description": "created" }
                }
              } } },
              "components": { "schemas": { "Item": {
                "type": "object", "required": ["id"],
                "properties": { "id": { "type": "string", "maxLength": 10, "format": "uuid", "x-assumption": { "format": "a guess" } } }
              } } }
            }
            """);
        var documented = new HashSet<string>(["listItems limit minimum 1", "Item.id maxLength 10"], StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(
                Unsourced(stated, documented),
                Is.EquivalentTo(new[] { "listItems limit required", "listItems status 201", "Item.id required" }));
            Assert.That(stated.Facts.Where(fact => fact.Assumption is not null).Select(fact => fact.Text),
                Is.EquivalentTo(new[] { "listItems limit maximum 50", "listItems status 200", "Item.id format uuid" }));
        });
    }

    [Test]
    public void A_request_content_type_is_a_fact_its_media_type_marks_as_assumed()
    {
        var stated = StatedFactsOf("""
            {
              "openapi": "3.0.3", "info": { "title": "t", "version": "1" },
              "paths": { "/items": { "post": {
                "operationId": "createItem",
                "requestBody": { "content": {
                  "multipart/form-data": { "schema": { "type": "object" } },
                  "application/x-www-form-urlencoded": { "schema": { "type": "object" }, "x-assumption": { "content type": "the same fields, URL-encoded" } },
                  "text/plain": { "schema": { "type": "string" } }
                } },
                "responses": { "200": { "description": "ok" } }
              } } }
            }
            """);
        var documented = new HashSet<string>(["createItem request content type multipart/form-data", "createItem status 200"], StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(Unsourced(stated, documented), Is.EqualTo(new[] { "createItem request content type text/plain" }));
            Assert.That(stated.Facts.Where(fact => fact.Assumption is not null).Select(fact => fact.Text),
                Is.EqualTo(new[] { "createItem request content type application/x-www-form-urlencoded" }));
        });
    }

    [Test]
    public void A_marker_naming_what_its_node_does_not_state_or_giving_no_reason_is_caught()
    {
        var stated = StatedFactsOf("""
            {
              "openapi": "3.0.3", "info": { "title": "t", "version": "1" }, "paths": {},
              "components": { "schemas": { "Item": {
                "type": "object",
                "properties": {
                  "id": { "type": "string", "maxLength": 10, "x-assumption": { "minLength": "stale: minLength was removed", "maxLength": "" } },
                  "name": { "type": "string", "x-assumed-from": "wazzup-v3" },
                  "note": { "type": "string", "x-assumption": "a sentence instead of a map" }
                }
              } } }
            }
            """);

        var problems = stated.Malformed.Concat(stated.Markers.SelectMany(marker => MarkerProblems(marker, ["wazzup-v3"]))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(problems, Has.Exactly(1).Contains("Item.id: x-assumption names 'minLength'"));
            Assert.That(problems, Has.Exactly(1).Contains("Item.id: x-assumption gives no reason for 'maxLength'"));
            Assert.That(problems, Has.Exactly(1).Contains("Item.name: x-assumed-from without an x-assumption"));
            Assert.That(problems, Has.Exactly(1).Contains("Item.note: x-assumption must map"));
            Assert.That(problems, Has.Count.EqualTo(4));
        });
    }

    // The spec as the suite loaded it from the repository.
    private static async Task<StatedFacts> StatedAsync(string key) => StatedFacts.Of(await SpecSuite.SpecAsync(key));

    // A spec built for a check, read as the suite reads the real ones.
    private static StatedFacts StatedFactsOf(string document) => StatedFacts.Of(ProviderSpec.Parse("built-for-the-check", document, "inline"));

    private static HashSet<string> Documented(string key)
    {
        var facts = SpecSuite.Facts[key];
        var documented = new HashSet<string>(facts.DocumentedConstraints.Keys, StringComparer.Ordinal);
        foreach (var (operation, statuses) in facts.DocumentedStatuses)
        {
            documented.UnionWith(statuses.Select(status => $"{operation} status {status.ToString(CultureInfo.InvariantCulture)}"));
        }

        return documented;
    }

    private static IEnumerable<string> Unsourced(StatedFacts stated, HashSet<string> documented) =>
        stated.Facts.Where(fact => fact.Assumption is null && !documented.Contains(fact.Text)).Select(fact => fact.Text);

    private static IEnumerable<string> MarkerProblems(AssumptionMarker marker, IEnumerable<string> providerKeys)
    {
        if (marker.Reasons.Count == 0)
        {
            // A bare x-assumed-from (or an empty x-assumption) marks nothing: the borrowed fact needs its why.
            yield return $"{marker.Where}: {(marker.AssumedFrom is null ? "x-assumption is empty" : "x-assumed-from without an x-assumption")}";
        }

        foreach (var (name, reason) in marker.Reasons)
        {
            if (!marker.Present.Contains(name))
            {
                yield return $"{marker.Where}: x-assumption names '{name}', which this node does not state (it states {string.Join(", ", marker.Present.Order(StringComparer.Ordinal))})";
            }

            if (string.IsNullOrWhiteSpace(reason))
            {
                yield return $"{marker.Where}: x-assumption gives no reason for '{name}'";
            }
        }

        if (marker.AssumedFrom is { } provider && !providerKeys.Contains(provider, StringComparer.Ordinal))
        {
            yield return $"{marker.Where}: x-assumed-from '{provider}' is not a provider key";
        }
    }
}
