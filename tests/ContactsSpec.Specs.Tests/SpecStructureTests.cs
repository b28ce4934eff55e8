using ContactsSpec.Conformance.Specs;
using NSwag;

namespace ContactsSpec.Specs.Tests;

/// <summary>Each spec parses and follows the conventions in specs/README.md.</summary>
[TestFixture]
public sealed class SpecStructureTests
{
    private static IEnumerable<TestCaseData> Providers() =>
        SpecSuite.ProviderKeys.Select(key => new TestCaseData(key).SetArgDisplayNames(key));

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
            Assert.That(spec.Document.OpenApi, Does.StartWith("3.0."));
            Assert.That(spec.Document.Servers.Select(server => server.Url), Is.EqualTo(new[] { SpecSuite.Facts[key].Host }));
        });
    }

    [TestCaseSource(nameof(Providers))]
    public async Task Spec_declares_every_documented_route(string key)
    {
        var spec = await SpecSuite.SpecAsync(key);

        var routes = spec.Operations.Select(operation => $"{operation.Method.ToUpperInvariant()} {operation.Path}");

        Assert.That(routes, Is.EquivalentTo(SpecSuite.Facts[key].Routes));
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
        var source = operation.Extension("x-source") as IDictionary<string, object?>;

        Assert.Multiple(() =>
        {
            Assert.That(operation.Id, Is.Not.Null.And.Match("^[a-z][A-Za-z0-9]*$"), "camelCase operationId");
            Assert.That(operation.Operation.Summary, Is.Not.Null.And.Not.Empty, "summary");
            Assert.That(operation.Operation.Description, Is.Not.Null.And.Not.Empty, "description");
            Assert.That(source, Is.Not.Null, "x-source");
            Assert.That(source?["section"] as string, Is.Not.Null.And.Not.Empty, "x-source.section");
        });
        var doc = source!["doc"] as string;
        Assert.That(doc, Is.Not.Null.And.Not.Empty, "x-source.doc");
        if (!doc!.StartsWith("https://", StringComparison.Ordinal))
        {
            var localDoc = Path.Combine(SpecSuite.RepositoryRoot, "..", "shared", "provider-docs", doc);
            Assert.That(File.Exists(localDoc), Is.True, $"x-source.doc names {doc}, which is not in shared/provider-docs/");
        }
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

    [TestCaseSource(nameof(Providers))]
    public async Task Credentials_are_declared_where_the_docs_put_them(string key)
    {
        var spec = await SpecSuite.SpecAsync(key);

        var declared = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var operation in spec.Operations)
        {
            foreach (var parameter in operation.Parameters.Where(IsCredential))
            {
                declared.Add($"{parameter.Kind.ToString().ToLowerInvariant()}:{parameter.Name}");
            }

            foreach (var form in operation.Operation.RequestBody?.Content.Values ?? [])
            {
                foreach (var (name, property) in form.Schema.ActualSchema.ActualProperties)
                {
                    if (property.ExtensionData?.ContainsKey("x-credential") == true)
                    {
                        declared.Add($"form:{name}");
                    }
                }
            }
        }

        foreach (var scheme in spec.Document.Components.SecuritySchemes.Values)
        {
            if (scheme.Type == OpenApiSecuritySchemeType.Http && scheme.Scheme == "bearer")
            {
                declared.Add("bearer");
                Assert.That(scheme.ExtensionData?.ContainsKey("x-example-token"), Is.True, "bearer schemes carry x-example-token");
            }
        }

        Assert.That(declared, Is.EquivalentTo(SpecSuite.Facts[key].Credentials));
    }

    private static bool IsCredential(OpenApiParameter parameter) =>
        parameter.ExtensionData?.TryGetValue("x-credential", out var flag) == true && flag is true;
}
