using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ContactsSpec.Specs.Tests;

/// <summary>Every documented example, request and response, satisfies the schema it illustrates.</summary>
[TestFixture]
public sealed class SpecExampleTests
{
    private static async IAsyncEnumerable<TestCaseData> Examples()
    {
        foreach (var spec in await SpecSuite.SpecsAsync())
        {
            foreach (var operation in spec.Operations)
            {
                foreach (var example in operation.RequestExamples().Concat(operation.ResponseExamples()))
                {
                    if (example.Value is not null)
                    {
                        yield return new TestCaseData(example).SetArgDisplayNames(example.DisplayName);
                    }
                }
            }
        }
    }

    [TestCaseSource(nameof(Examples))]
    public void Example_validates_against_its_schema(SpecExample example)
    {
        Assert.That(example.Schema, Is.Not.Null, "an example needs a schema to illustrate");

        var errors = SpecSchemaValidator.Validate(example.Schema!, example.Value);

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void A_broken_example_is_caught()
    {
        // Guards the check above: an example that breaks a documented limit must fail validation.
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "name" },
            Properties = new Dictionary<string, IOpenApiSchema> { ["name"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 250 } },
        };

        var errors = SpecSchemaValidator.Validate(schema, new JsonObject { ["name"] = new string('x', 251) });

        Assert.That(errors, Has.Exactly(1).Items.And.All.StartsWith("/name maxLength:"));
    }
}
