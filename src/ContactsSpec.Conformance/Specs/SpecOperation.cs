using NJsonSchema;
using NSwag;
using Newtonsoft.Json.Linq;

namespace ContactsSpec.Conformance.Specs;

/// <summary>One operation of a provider spec.</summary>
/// <param name="Spec">The spec that declares it.</param>
/// <param name="Path">The path template, e.g. <c>/v3/contacts/{contactId}</c>.</param>
/// <param name="Method">The HTTP method in lower case, as OpenAPI writes it.</param>
/// <param name="Operation">The parsed operation.</param>
public sealed record SpecOperation(ProviderSpec Spec, string Path, string Method, OpenApiOperation Operation)
{
    /// <summary>The name a body-less response's single case goes by.</summary>
    public const string EmptyResponseName = "empty";

    /// <summary>The operationId.</summary>
    public string Id => Operation.OperationId;

    /// <summary>
    /// The operation's path, query and header parameters, with path-level ones included and references resolved.
    /// (NSwag also lists the request body among its parameters; bodies are read from the request body instead.)
    /// </summary>
    public IReadOnlyList<OpenApiParameter> Parameters =>
        [.. Operation.ActualParameters.Select(parameter => parameter.ActualParameter)
            .Where(parameter => parameter.Kind is OpenApiParameterKind.Path or OpenApiParameterKind.Query or OpenApiParameterKind.Header or OpenApiParameterKind.Cookie)];

    /// <summary>
    /// Every documented response: each named example of each status and media type, and one <c>empty</c> case for
    /// a status documented without a body.
    /// </summary>
    public IEnumerable<SpecExample> ResponseExamples()
    {
        foreach (var (status, reference) in Operation.Responses)
        {
            var response = reference.ActualResponse;
            if (response.Content.Count == 0)
            {
                yield return new SpecExample(this, SpecExampleKind.Response, status, EmptyResponseName, null, null, null);
                continue;
            }

            foreach (var (mediaType, content) in response.Content)
            {
                foreach (var (name, example) in content.Examples ?? new Dictionary<string, OpenApiExample>())
                {
                    yield return new SpecExample(
                        this, SpecExampleKind.Response, status, name, mediaType, JToken.FromObject(example.Value), content.Schema?.ActualSchema);
                }
            }
        }
    }

    /// <summary>
    /// The request body's example: the same in every content type the body is declared in (SpecStructureTests holds
    /// them equal), or null for an operation without a body.
    /// </summary>
    public JToken? RequestBodyExample =>
        Operation.RequestBody?.Content.Values.Select(content => content.Example).FirstOrDefault(example => example is not null) is { } example
            ? JToken.FromObject(example)
            : null;

    /// <summary>The request body example of each content type, and each parameter's example.</summary>
    public IEnumerable<SpecExample> RequestExamples()
    {
        foreach (var parameter in Parameters)
        {
            yield return new SpecExample(
                this, SpecExampleKind.Parameter, string.Empty, parameter.Name, null, ToToken(parameter.Example), parameter.ActualSchema);
        }

        var body = Operation.RequestBody;
        if (body is null)
        {
            yield break;
        }

        foreach (var (mediaType, content) in body.Content)
        {
            yield return new SpecExample(
                this, SpecExampleKind.RequestBody, string.Empty, "request", mediaType, ToToken(content.Example), content.Schema?.ActualSchema);
        }
    }

    /// <summary>The operation's <c>x-</c> extension, or null.</summary>
    public object? Extension(string name) =>
        Operation.ExtensionData is { } data && data.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc />
    public override string ToString() => $"{Spec.Key}/{Id}";

    private static JToken? ToToken(object? value) => value is null ? null : JToken.FromObject(value);
}
