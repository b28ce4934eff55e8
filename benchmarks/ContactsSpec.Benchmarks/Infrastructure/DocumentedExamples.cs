using System.Text;
using ContactsSpec.Specs;

namespace ContactsSpec.Benchmarks.Infrastructure;

/// <summary>
/// The documented request and response examples of one provider spec, read with the spec model's
/// <see cref="ProviderSpec"/>: the benchmarks send the spec's request examples and are answered with the spec's
/// response examples, byte for byte as the spec states them (compact JSON).
/// </summary>
public sealed class DocumentedExamples
{
    private readonly ProviderSpec _spec;

    private DocumentedExamples(ProviderSpec spec) => _spec = spec;

    /// <summary>The repository root (<c>$CONTACTSSPEC_REPO</c>, or found above the running program).</summary>
    public static string RepositoryRoot => SpecCatalog.FindRepositoryRoot();

    /// <summary>Loads the spec of provider <paramref name="key"/> (<c>wamm</c>, <c>wazzup-v3</c>, ...).</summary>
    public static DocumentedExamples Load(string key)
    {
        var path = SpecCatalog.SpecPath(SpecCatalog.SpecsFolder(RepositoryRoot), key);
        return new DocumentedExamples(ProviderSpec.Parse(key, File.ReadAllText(path), path));
    }

    /// <summary>The body of response example <paramref name="name"/> of <paramref name="operationId"/> with status <paramref name="status"/>, as UTF-8 JSON.</summary>
    public byte[] ResponseBody(string operationId, string status, string name)
    {
        var example = Operation(operationId).ResponseExamples().SingleOrDefault(candidate => candidate.Status == status && candidate.Name == name)
            ?? throw new InvalidOperationException($"{_spec.Key}/{operationId} documents no {status} example '{name}'.");
        return example.Value is { } value
            ? Encoding.UTF8.GetBytes(SpecJson.Compact(value))
            : throw new InvalidOperationException($"{example.DisplayName} has no body.");
    }

    /// <summary>Whether <paramref name="operationId"/> documents status <paramref name="status"/> without a body.</summary>
    public bool DocumentsEmptyResponse(string operationId, string status) =>
        Operation(operationId).ResponseExamples().Any(candidate => candidate.Status == status && candidate.Name == SpecOperation.EmptyResponseName);

    /// <summary>The example value of parameter <paramref name="name"/> of <paramref name="operationId"/>, as text.</summary>
    public string Parameter(string operationId, string name)
    {
        var example = Operation(operationId).RequestExamples()
            .SingleOrDefault(candidate => candidate.Kind == SpecExampleKind.Parameter && candidate.Name == name)?.Value
            ?? throw new InvalidOperationException($"{_spec.Key}/{operationId} documents no example for parameter '{name}'.");
        return SpecJson.Text(example)!;
    }

    /// <summary>The request body example of <paramref name="operationId"/> as compact JSON (form fields come as a JSON object).</summary>
    public string RequestBody(string operationId) =>
        SpecJson.Compact(Operation(operationId).RequestBodyExample
            ?? throw new InvalidOperationException($"{_spec.Key}/{operationId} documents no request body example."));

    private SpecOperation Operation(string operationId) =>
        _spec.Operations.SingleOrDefault(operation => operation.Id == operationId)
            ?? throw new InvalidOperationException($"{_spec.Key} has no operation '{operationId}'.");
}
