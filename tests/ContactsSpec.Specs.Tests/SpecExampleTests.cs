using ContactsSpec.Conformance.Specs;
using Newtonsoft.Json;

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

        var errors = example.Schema!.Validate(example.Value!.ToString(Formatting.None), NJsonSchema.SchemaType.OpenApi3);

        Assert.That(errors.Select(error => error.ToString()), Is.Empty);
    }

    [Test]
    public void A_broken_example_is_caught()
    {
        // Guards the check above: an example that breaks a documented limit must fail validation.
        var schema = NJsonSchema.JsonSchema.FromJsonAsync("""{"type":"object","required":["name"],"properties":{"name":{"type":"string","maxLength":250}}}""")
            .GetAwaiter().GetResult();

        var errors = schema.Validate($$"""{"name":"{{new string('x', 251)}}"}""", NJsonSchema.SchemaType.OpenApi3);

        Assert.That(errors.Select(error => error.Kind.ToString()), Is.EqualTo(new[] { "StringTooLong" }));
    }
}
