using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Invocation;
using System.Text.Json.Nodes;
using ContactsSpec.Specs;
using Microsoft.OpenApi;
using NJsonSchema.Generation;

namespace ContactsSpec.Conformance.Tests;

/// <summary>
/// What a schema-driven mock server answers (a sample of each response schema, as NJsonSchema's generator makes one
/// from the schema's JSON Schema) is an
/// answer the facade either accepts or turns into its one documented exception, <see cref="ContactsException"/>:
/// a schema that allows more than the docs show is caught here when the facade cannot read what it allows.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class SchemaSampleTests
{
    private static async IAsyncEnumerable<TestCaseData> Samples()
    {
        foreach (var operation in (await ConformanceSuite.SpecsAsync()).SelectMany(spec => spec.Operations).Where(operation => FacadeInvoker.IsReachable(operation)))
        {
            foreach (var (status, response) in operation.Operation.Responses ?? [])
            {
                foreach (var (mediaType, content) in (response.Content ?? new Dictionary<string, IOpenApiMediaType>()).Where(entry => entry.Value.Schema is not null))
                {
                    yield return new TestCaseData(operation, status, mediaType, content.Schema!)
                        .SetArgDisplayNames($"{operation}/{status}");
                }
            }
        }
    }

    [TestCaseSource(nameof(Samples))]
    public async Task The_facade_reads_a_schema_sample_or_throws_its_documented_exception(SpecOperation operation, string status, string mediaType, IOpenApiSchema schema)
    {
        var generatorSchema = await NJsonSchema.JsonSchema.FromJsonAsync(SpecSchemaValidator.ToJsonSchema(schema));
        var sample = JsonNode.Parse(new SampleJsonDataGenerator().Generate(generatorSchema).ToString());
        Assert.That(SpecSchemaValidator.Validate(schema, sample), Is.Empty, $"the sample is one the schema allows: {sample?.ToJsonString()}");
        var @case = new ConformanceCase(operation, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), "schema-sample", ConformanceCaseKind.Documented, mediaType, sample, schema);
        var tag = $"schema-sample/{@case.Id}";

        using var stubs = ConformanceServer.Runner.LoadStubs(@case, ConformanceTarget.Facade, tag);
        var spec = operation.Spec;
        using var client = new ContactsClient(
            FacadeInvoker.Options(operation, new Uri(ConformanceServer.Server.BaseUri(), SpecCredentials.ServerBasePath(spec).TrimStart('/'))),
            new CaseTaggingHandler(tag));
        var outcome = await FacadeInvoker.InvokeAsync(client, operation, CancellationToken.None);

        Assert.That(outcome.Exception, Is.Null.Or.InstanceOf<ContactsException>(), $"answer {sample}: {outcome.Exception}");
    }
}
