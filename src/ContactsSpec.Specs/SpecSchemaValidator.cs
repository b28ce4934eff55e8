using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.OpenApi;

namespace ContactsSpec.Specs;

/// <summary>
/// Judges a JSON value against a spec's schema. The OpenAPI 3.0 schema is written out as the JSON Schema 2020-12 it
/// stands for (OpenAPI 3.1's dialect: <c>nullable</c> becomes a <c>null</c> type, <c>$ref</c>s are inlined) and
/// evaluated by JsonSchema.Net.
/// </summary>
public static class SpecSchemaValidator
{
    private static readonly ConditionalWeakTable<IOpenApiSchema, JsonSchema> Compiled = [];

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>, as "location keyword: message"; empty when it conforms.</summary>
    public static IReadOnlyList<string> Validate(IOpenApiSchema schema, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var results = Compiled.GetValue(schema, Compile).Evaluate(value, Options);
        if (results.IsValid)
        {
            return [];
        }

        return [.. results.Details
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error =>
                $"{(detail.InstanceLocation.Count == 0 ? "$" : detail.InstanceLocation.ToString())} {error.Key}: {error.Value}"))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The schema as JSON Schema 2020-12 text, references inlined.</summary>
    public static string ToJsonSchema(IOpenApiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        schema.SerializeAsV31(new OpenApiJsonWriter(text, new OpenApiJsonWriterSettings { InlineLocalReferences = true }));
        return text.ToString();
    }

    private static JsonSchema Compile(IOpenApiSchema schema) => JsonSchema.FromText(ToJsonSchema(schema));
}
