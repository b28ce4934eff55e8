using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ContactsSpec.Specs;

/// <summary>One operation of a provider spec.</summary>
/// <param name="Spec">The spec that declares it.</param>
/// <param name="Path">The path template, e.g. <c>/v3/contacts/{contactId}</c>.</param>
/// <param name="Method">The HTTP method in lower case, as OpenAPI writes it.</param>
/// <param name="Operation">The parsed operation.</param>
/// <param name="PathItem">The path item that holds it (its parameters apply to the operation too).</param>
public sealed record SpecOperation(ProviderSpec Spec, string Path, string Method, OpenApiOperation Operation, IOpenApiPathItem PathItem)
{
    /// <summary>The name a body-less response's single case goes by.</summary>
    public const string EmptyResponseName = "empty";

    /// <summary>The operationId.</summary>
    public string Id => Operation.OperationId ?? throw new InvalidDataException($"{Spec.Key}: {Method.ToUpperInvariant()} {Path} has no operationId.");

    /// <summary>
    /// The operation's path, query, header and cookie parameters: the path item's, unless the operation declares one
    /// of the same name and place, then the operation's own; references resolved.
    /// </summary>
    public IReadOnlyList<IOpenApiParameter> Parameters
    {
        get
        {
            var own = Operation.Parameters ?? [];
            var shared = (PathItem.Parameters ?? []).Where(parameter => !own.Any(candidate => candidate.Name == parameter.Name && candidate.In == parameter.In));
            return [.. shared, .. own];
        }
    }

    /// <summary>The parameters in one place (path, query, header or cookie).</summary>
    public IEnumerable<IOpenApiParameter> ParametersIn(ParameterLocation location) => Parameters.Where(parameter => parameter.In == location);

    /// <summary>The request body's content by media type, in document order; empty for an operation without a body.</summary>
    public IReadOnlyDictionary<string, IOpenApiMediaType> RequestBodyContent =>
        Operation.RequestBody?.Content is { } content ? content.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal) : new Dictionary<string, IOpenApiMediaType>();

    /// <summary>
    /// Every documented response: each named example of each status and media type, and one <c>empty</c> case for
    /// a status documented without a body.
    /// </summary>
    public IEnumerable<SpecExample> ResponseExamples()
    {
        foreach (var (status, response) in Operation.Responses ?? [])
        {
            if (response.Content is not { Count: > 0 } contents)
            {
                yield return new SpecExample(this, SpecExampleKind.Response, status, EmptyResponseName, null, null, null);
                continue;
            }

            foreach (var (mediaType, content) in contents)
            {
                foreach (var (name, example) in content.Examples ?? new Dictionary<string, IOpenApiExample>())
                {
                    yield return new SpecExample(this, SpecExampleKind.Response, status, name, mediaType, SpecJson.Normalize(example.Value), content.Schema);
                }
            }
        }
    }

    /// <summary>
    /// The request body's example: the same in every content type the body is declared in (SpecStructureTests holds
    /// them equal), or null for an operation without a body.
    /// </summary>
    public JsonNode? RequestBodyExample =>
        SpecJson.Normalize(RequestBodyContent.Values.Select(content => content.Example).FirstOrDefault(example => example is not null));

    /// <summary>The request body example of each content type, and each parameter's example.</summary>
    public IEnumerable<SpecExample> RequestExamples()
    {
        foreach (var parameter in Parameters)
        {
            yield return new SpecExample(
                this, SpecExampleKind.Parameter, string.Empty, parameter.Name ?? string.Empty, null, SpecJson.Normalize(parameter.Example), parameter.Schema);
        }

        foreach (var (mediaType, content) in RequestBodyContent)
        {
            yield return new SpecExample(this, SpecExampleKind.RequestBody, string.Empty, "request", mediaType, SpecJson.Normalize(content.Example), content.Schema);
        }
    }

    /// <summary>The text the parameter's example is sent as: a string as it is, any other value as its JSON.</summary>
    /// <exception cref="InvalidOperationException">The parameter has no example (specs/README.md, rule 3).</exception>
    public static string ParameterText(IOpenApiParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return SpecJson.Text(SpecJson.Normalize(parameter.Example))
            ?? throw new InvalidOperationException($"Parameter '{parameter.Name}' has no example (specs/README.md, rule 3).");
    }

    /// <summary>The example text of the parameter called <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">The operation has no such parameter, or it has no example.</exception>
    public string ParameterText(string name) =>
        ParameterText(Parameters.SingleOrDefault(parameter => parameter.Name == name)
            ?? throw new InvalidOperationException($"{this} has no parameter '{name}'."));

    /// <summary>The operation's <c>x-</c> extension as JSON, or null.</summary>
    public JsonNode? Extension(string name) => SpecExtensions.Value(Operation.Extensions, name);

    /// <inheritdoc />
    public override string ToString() => $"{Spec.Key}/{Id}";
}
