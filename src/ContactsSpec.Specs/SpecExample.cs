using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ContactsSpec.Specs;

/// <summary>
/// One documented example: a named response example (or a response documented without a body), a request body
/// example or a parameter example, with the schema it must satisfy.
/// </summary>
/// <param name="Operation">The operation it belongs to.</param>
/// <param name="Kind">What the example illustrates.</param>
/// <param name="Status">The HTTP status of a response example; empty otherwise.</param>
/// <param name="Name">The example's name: the key under <c>examples</c>, <c>empty</c> for a body-less response, the parameter name, or <c>request</c>.</param>
/// <param name="MediaType">The media type, or null where there is no body.</param>
/// <param name="Value">The example value, or null for a body-less response.</param>
/// <param name="Schema">The schema the value must satisfy, or null where there is none.</param>
public sealed record SpecExample(
    SpecOperation Operation,
    SpecExampleKind Kind,
    string Status,
    string Name,
    string? MediaType,
    JsonNode? Value,
    IOpenApiSchema? Schema)
{
    /// <summary>A readable, unique case name: provider/operation/status/example.</summary>
    public string DisplayName => Kind switch
    {
        SpecExampleKind.Response => $"{Operation.Spec.Key}/{Operation.Id}/{Status}/{Name}",
        SpecExampleKind.RequestBody => $"{Operation.Spec.Key}/{Operation.Id}/request-body",
        _ => $"{Operation.Spec.Key}/{Operation.Id}/parameter/{Name}",
    };

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
