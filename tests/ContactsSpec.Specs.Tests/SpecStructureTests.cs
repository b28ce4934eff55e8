using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ContactsSpec.Specs.Tests;

/// <summary>Each spec parses and follows the conventions in specs/README.md.</summary>
[TestFixture]
public sealed class SpecStructureTests
{
    /// <summary>Words that only make sense to someone holding the local copies of the provider docs.</summary>
    private static readonly string[] LocalReferences = ["FACTS.md", "excerpt", "provider-docs"];

    private static IEnumerable<TestCaseData> Providers() =>
        SpecSuite.ProviderKeys.Select(key => new TestCaseData(key).SetArgDisplayNames(key));

    /// <summary>Every file under specs/, as a path relative to the repository root.</summary>
    private static IEnumerable<TestCaseData> SpecFiles() =>
        Directory.EnumerateFiles(Path.Combine(SpecSuite.RepositoryRoot, "specs"), "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(SpecSuite.RepositoryRoot, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(file => new TestCaseData(file).SetArgDisplayNames(file));

    private static async IAsyncEnumerable<TestCaseData> Operations()
    {
        foreach (var spec in await SpecSuite.SpecsAsync())
        {
            foreach (var operation in spec.Operations)
            {
                yield return new TestCaseData(spec.Key, operation.Method, operation.Path).SetArgDisplayNames($"{spec.Key}/{operation.Id ?? operation.Path}");
            }
        }
    }

    [Test]
    public void Every_provider_has_a_spec()
    {
        Assert.That(SpecSuite.ProviderKeys, Is.EquivalentTo(new[] { "wamm", "wasms", "wawp", "wazzup-v2", "wazzup-v3" }));
    }

    [TestCaseSource(nameof(Providers))]
    public async Task Spec_is_OpenAPI_3_0_with_the_documented_host(string key)
    {
        var spec = await SpecSuite.SpecAsync(key);

        Assert.Multiple(() =>
        {
            Assert.That((string?)spec.Source["openapi"], Does.StartWith("3.0."));
            Assert.That(spec.Document.Servers?.Select(server => server.Url), Is.EqualTo(new[] { SpecSuite.Facts[key].Host }));
        });
    }

    [TestCaseSource(nameof(Providers))]
    public async Task Spec_declares_every_documented_route(string key)
    {
        var spec = await SpecSuite.SpecAsync(key);

        var routes = spec.Operations.Select(operation => $"{operation.Method.ToUpperInvariant()} {operation.Path}");

        Assert.That(routes, Is.EquivalentTo(SpecSuite.Facts[key].Routes));
    }

    /// <summary>
    /// A route a public source names but the spec does not model is listed in <c>info.x-left-out</c> with the reason,
    /// so its absence is a decision on record, not an oversight.
    /// </summary>
    [TestCaseSource(nameof(Providers))]
    public async Task Every_known_route_left_out_is_recorded_with_a_reason(string key)
    {
        var spec = await SpecSuite.SpecAsync(key);
        AssertReadFromTheRepository(spec);

        var leftOut = spec.Source["info"]?["x-left-out"] is JsonArray entries
            ? entries.Select(entry => (Route: (string?)entry?["route"], Reason: (string?)entry?["reason"])).ToList()
            : [];
        var declared = spec.Operations.Select(operation => $"{operation.Method.ToUpperInvariant()} {operation.Path}");

        Assert.Multiple(() =>
        {
            Assert.That(leftOut.Select(entry => entry.Route), Is.EquivalentTo(SpecSuite.Facts[key].LeftOut), "info.x-left-out lists exactly the routes documented-facts.json says are left out");
            Assert.That(leftOut.Where(entry => string.IsNullOrWhiteSpace(entry.Reason)).Select(entry => entry.Route), Is.Empty, "each says why");
            Assert.That(leftOut.Select(entry => entry.Route), Has.No.Member(null).And.None.AnyOf(declared), "a route is modelled or left out, not both");
        });
    }

    [TestCaseSource(nameof(Providers))]
    public async Task OperationIds_are_unique(string key)
    {
        var spec = await SpecSuite.SpecAsync(key);

        Assert.That(spec.Operations.Select(operation => operation.Id), Is.Unique);
    }

    [TestCaseSource(nameof(Operations))]
    public async Task Operation_has_id_summary_description_and_source(string key, string method, string path)
    {
        var operation = (await SpecSuite.SpecAsync(key)).Operations.Single(candidate => candidate.Method == method && candidate.Path == path);
        var source = operation.Extension("x-source") as JsonObject;

        Assert.Multiple(() =>
        {
            Assert.That(operation.Id, Is.Not.Null.And.Match("^[a-z][A-Za-z0-9]*$"), "camelCase operationId");
            Assert.That(operation.Operation.Summary, Is.Not.Null.And.Not.Empty, "summary");
            Assert.That(operation.Operation.Description, Is.Not.Null.And.Not.Empty, "description");
            Assert.That(source, Is.Not.Null, "x-source");
        });
        AssertCitesAPublicPage(key, Fields(source!), $"{method.ToUpperInvariant()} {path}");
    }

    /// <summary>Every <c>x-source</c> in the file, on operations and elsewhere (shared responses), cites a public page.</summary>
    [TestCaseSource(nameof(Providers))]
    public async Task Every_x_source_cites_a_public_page_of_the_provider(string key)
    {
        var spec = await SpecSuite.SpecAsync(key);
        AssertReadFromTheRepository(spec);

        var sources = new List<(string Where, JsonNode? Node)>();
        CollectSources(spec.Source, "$", sources);

        Assert.That(sources, Has.Count.GreaterThanOrEqualTo(spec.Operations.Count()), "every operation has an x-source");
        foreach (var (where, node) in sources)
        {
            Assert.That(node, Is.InstanceOf<JsonObject>(), $"{where} is a mapping");
            AssertCitesAPublicPage(key, Fields((JsonObject)node!), where);
        }
    }

    /// <summary>Citations of one section record one fingerprint, so that a check of the page has one value to compare.</summary>
    [TestCaseSource(nameof(Providers))]
    public async Task Citations_of_one_section_agree_on_its_fingerprint(string key)
    {
        var citations = SourceCitations.Of(await SpecSuite.SpecAsync(key));

        var disagreeing = citations.GroupBy(citation => (citation.Page, citation.Section))
            .Where(group => group.Select(citation => citation.Fingerprint).Distinct().Count() > 1)
            .Select(group => $"{group.Key.Page} / {group.Key.Section}");

        Assert.Multiple(() =>
        {
            Assert.That(disagreeing, Is.Empty);
            Assert.That(citations.Where(citation => citation.Operations.Count == 0).Select(citation => citation.Location), Is.Empty, "every citation covers an operation");
        });
    }

    /// <summary>
    /// A reader of specs/ has the repository and the web, nothing else: no spec, generator setting or note may send
    /// them to the local copies of the provider docs.
    /// </summary>
    [TestCaseSource(nameof(SpecFiles))]
    public async Task Spec_text_points_at_no_file_outside_the_repository(string relativePath)
    {
        var lines = (await File.ReadAllTextAsync(Path.Combine(SpecSuite.RepositoryRoot, relativePath))).Split('\n');

        var offending = lines
            .Select((line, index) => (Line: line, Number: index + 1))
            .Where(entry => LocalReferences.Any(term => entry.Line.Contains(term, StringComparison.OrdinalIgnoreCase)))
            .Select(entry => $"line {entry.Number}: {entry.Line.Trim()}");

        Assert.That(offending, Is.Empty, $"{relativePath} mentions one of {string.Join(", ", LocalReferences)}");
    }

    [TestCaseSource(nameof(Operations))]
    public async Task Every_parameter_and_request_body_carries_an_example(string key, string method, string path)
    {
        var operation = (await SpecSuite.SpecAsync(key)).Operations.Single(candidate => candidate.Method == method && candidate.Path == path);

        Assert.That(
            operation.RequestExamples().Where(example => example.Value is null).Select(example => example.Name),
            Is.Empty,
            "parameters or request bodies without an example");
    }

    [TestCaseSource(nameof(Operations))]
    public async Task A_body_declared_in_several_content_types_is_the_same_body_in_each(string key, string method, string path)
    {
        var operation = (await SpecSuite.SpecAsync(key)).Operations.Single(candidate => candidate.Method == method && candidate.Path == path);
        var contents = operation.RequestBodyContent.Values.ToList();

        Assert.Multiple(() =>
        {
            Assert.That(contents.Select(content => (content.Schema as OpenApiSchemaReference)?.Target ?? content.Schema).Distinct().Count(), Is.LessThanOrEqualTo(1), "one schema for every content type");
            Assert.That(contents.Select(content => SpecJson.Normalize(content.Example)?.ToJsonString()).Distinct().Count(), Is.LessThanOrEqualTo(1), "one example for every content type");
        });
    }

    [TestCaseSource(nameof(Providers))]
    public async Task Credentials_are_declared_where_the_docs_put_them(string key)
    {
        var spec = await SpecSuite.SpecAsync(key);

        var declared = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, location, _) in spec.Operations.SelectMany(SpecCredentials.Of))
        {
            declared.Add($"{location}:{name}");
        }

        foreach (var scheme in spec.Document.Components?.SecuritySchemes?.Values ?? [])
        {
            if (scheme.Type == SecuritySchemeType.Http && scheme.Scheme == "bearer")
            {
                declared.Add("bearer");
                Assert.That(SpecCredentials.ExampleBearerToken(spec), Is.Not.Null.And.Not.Empty, "bearer schemes carry x-example-token");
            }
        }

        Assert.That(declared, Is.EquivalentTo(SpecSuite.Facts[key].Credentials));
    }

    /// <summary>
    /// An <c>x-source</c> names the public page (<c>page</c>: an https address listed for this provider in
    /// documented-facts.json) and the heading on it (<c>section</c>), optionally the fingerprint of that section's text,
    /// and nothing that points at a local file.
    /// </summary>
    private static void AssertCitesAPublicPage(string key, IReadOnlyDictionary<string, string?> source, string where)
    {
        var page = source.GetValueOrDefault("page");
        var isHttps = Uri.TryCreate(page, UriKind.Absolute, out var address) && address.Scheme == Uri.UriSchemeHttps;

        Assert.Multiple(() =>
        {
            Assert.That(source.Keys.Except(["fingerprint"]), Is.EquivalentTo(new[] { "page", "section" }), $"{where}: x-source has page and section, and at most a fingerprint besides");
            Assert.That(page, Is.Not.Null.And.Not.Empty, $"{where}: x-source.page");
            Assert.That(isHttps, Is.True, $"{where}: x-source.page '{page}' is an absolute https address");
            Assert.That(SpecSuite.Facts[key].Pages, Does.Contain(page), $"{where}: x-source.page is one of {key}'s public documentation pages");
            Assert.That(source.GetValueOrDefault("section"), Is.Not.Null.And.Not.Empty, $"{where}: x-source.section");
            if (source.ContainsKey("fingerprint"))
            {
                Assert.That(source["fingerprint"], Does.Match("^sha256:[0-9a-f]{16}$"), $"{where}: x-source.fingerprint as docs check prints it");
            }
        });
    }

    // A mapping's scalar fields as text (a field that is no scalar as null).
    private static Dictionary<string, string?> Fields(JsonObject mapping) =>
        mapping.ToDictionary(entry => entry.Key, entry => entry.Value is JsonValue value ? SpecJson.Text(value) : null, StringComparer.Ordinal);

    private static void CollectSources(JsonNode? node, string where, List<(string Where, JsonNode? Node)> sources)
    {
        switch (node)
        {
            case JsonObject mapping:
                foreach (var (name, child) in mapping)
                {
                    var childWhere = $"{where}/{name}";
                    if (name == "x-source")
                    {
                        sources.Add((childWhere, child));
                    }
                    else
                    {
                        CollectSources(child, childWhere, sources);
                    }
                }

                break;
            case JsonArray sequence:
                var index = 0;
                foreach (var child in sequence)
                {
                    CollectSources(child, $"{where}[{index++}]", sources);
                }

                break;
        }
    }

    /// <summary>The suite loaded the spec from inside the repository.</summary>
    private static void AssertReadFromTheRepository(ProviderSpec spec)
    {
        var root = Path.GetFullPath(SpecSuite.RepositoryRoot) + Path.DirectorySeparatorChar;
        Assert.That(Path.GetFullPath(spec.Path), Does.StartWith(root), "the spec is read from inside the repository");
    }
}
