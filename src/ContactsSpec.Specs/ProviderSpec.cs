using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace ContactsSpec.Specs;

/// <summary>
/// One provider's hand-authored OpenAPI document (<c>specs/&lt;key&gt;/openapi.yaml</c>), read once: as the typed
/// OpenAPI model (<see cref="Document"/>) and as the JSON tree it was read from (<see cref="Source"/>).
/// </summary>
public sealed class ProviderSpec
{
    private ProviderSpec(string key, string path, OpenApiDocument document, JsonObject source)
    {
        Key = key;
        Path = path;
        Document = document;
        Source = source;
    }

    /// <summary>The provider key: the spec's folder name (<c>wamm</c>, <c>wazzup-v3</c>, ...).</summary>
    public string Key { get; }

    /// <summary>Full path of the spec file, or for a spec built into this assembly its resource name (<c>specs/&lt;key&gt;/openapi.yaml</c>).</summary>
    public string Path { get; }

    /// <summary>The typed document; <c>$ref</c>s resolve to their targets.</summary>
    public OpenApiDocument Document { get; }

    /// <summary>
    /// The document as written, as JSON (YAML nulls as JSON nulls, quoted scalars as strings): for checks of the text
    /// itself, such as an <c>x-</c> extension anywhere in the tree, independently of the typed model.
    /// </summary>
    public JsonObject Source { get; }

    /// <summary>Every operation in document order, with its path and HTTP method.</summary>
    public IEnumerable<SpecOperation> Operations =>
        Document.Paths.SelectMany(path => (path.Value.Operations ?? []).Select(operation =>
            new SpecOperation(this, path.Key, operation.Key.Method.ToLowerInvariant(), operation.Value, path.Value)));

    /// <summary>Reads and parses a spec file.</summary>
    /// <exception cref="InvalidDataException">The file is not one readable OpenAPI document.</exception>
    public static async Task<ProviderSpec> LoadAsync(string key, string path, CancellationToken cancellationToken = default)
    {
        var yaml = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(key, yaml, path);
    }

    /// <summary>Parses a spec's YAML text; <paramref name="path"/> says where it came from (a file, a resource, a git revision).</summary>
    /// <exception cref="InvalidDataException">The text is not one readable OpenAPI document.</exception>
    public static ProviderSpec Parse(string key, string yaml, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (SharpYaml.YamlException error)
        {
            throw new InvalidDataException($"{path} is not valid YAML: {error.Message}", error);
        }

        if (stream.Documents.Count != 1)
        {
            throw new InvalidDataException($"{path} holds {stream.Documents.Count} YAML documents; a spec is exactly one.");
        }

        var source = YamlConverter.ToJsonNode(stream.Documents[0]) as JsonObject
            ?? throw new InvalidDataException($"{path} is not a YAML mapping, so no OpenAPI document.");

        // The document as written is a copy (nulls restored), so the reader may keep parts of the tree it is given.
        var written = (JsonObject)SpecJson.Normalize(source)!;
        var (document, diagnostic) = OpenApiYamlReader.Read(source, new Uri($"https://contactsspec.invalid/specs/{key}/openapi.yaml"), new OpenApiReaderSettings());
        if (document is null || diagnostic?.Errors.Count > 0)
        {
            var errors = diagnostic?.Errors.Select(error => error.ToString()) ?? ["no document"];
            throw new InvalidDataException($"{path} is not a readable OpenAPI document: {string.Join("; ", errors)}");
        }

        return new ProviderSpec(key, path, document, written);
    }

    /// <inheritdoc />
    public override string ToString() => Key;
}
