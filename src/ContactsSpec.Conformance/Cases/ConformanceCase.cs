using System.Text.Json.Nodes;
using ContactsSpec.Specs;
using Microsoft.OpenApi;

namespace ContactsSpec.Conformance.Cases;

/// <summary>
/// One conformance case: an operation called with the spec's request examples, answered with one response.
/// </summary>
/// <param name="Operation">The operation under test.</param>
/// <param name="Status">The HTTP status the stub answers with.</param>
/// <param name="ExampleName">The spec's example name, with a <c>+variant</c> suffix for forward-compatibility cases.</param>
/// <param name="Kind">Documented, or a forward-compatibility variant.</param>
/// <param name="MediaType">The response's media type, or null for a body-less response.</param>
/// <param name="ResponseBody">The response body the stub returns, or null.</param>
/// <param name="ResponseSchema">The schema of the response body, or null.</param>
public sealed record ConformanceCase(
    SpecOperation Operation,
    int Status,
    string ExampleName,
    ConformanceCaseKind Kind,
    string? MediaType,
    JsonNode? ResponseBody,
    IOpenApiSchema? ResponseSchema)
{
    /// <summary>The provider key.</summary>
    public string Provider => Operation.Spec.Key;

    /// <summary>provider/operation/status/example: unique, readable, stable across runs.</summary>
    public string Id => $"{Provider}/{Operation.Id}/{Status}/{ExampleName}";

    /// <summary>The id a run against <paramref name="target"/> tags its requests with; its stub matches only that.</summary>
    public string RequestTag(ConformanceTarget target) => target == ConformanceTarget.NSwagClient ? Id : $"{target.Key()}/{Id}";

    /// <summary>Whether the status is a 2xx.</summary>
    public bool IsSuccessStatus => Status is >= 200 and < 300;

    /// <summary>Whether <paramref name="other"/> answers as this case does: the same status, media type and body (members in any order).</summary>
    public bool AnswersAs(ConformanceCase other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Status == other.Status
            && string.Equals(MediaType, other.MediaType, StringComparison.Ordinal)
            && JsonNode.DeepEquals(ResponseBody, other.ResponseBody);
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
