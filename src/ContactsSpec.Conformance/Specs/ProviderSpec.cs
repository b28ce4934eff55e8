using NSwag;

namespace ContactsSpec.Conformance.Specs;

/// <summary>One provider's hand-authored OpenAPI document (<c>specs/&lt;key&gt;/openapi.yaml</c>), parsed.</summary>
public sealed class ProviderSpec
{
    private ProviderSpec(string key, string path, OpenApiDocument document)
    {
        Key = key;
        Path = path;
        Document = document;
    }

    /// <summary>The provider key: the spec's folder name (<c>wamm</c>, <c>wazzup-v3</c>, ...).</summary>
    public string Key { get; }

    /// <summary>Full path of the spec file, or for a spec built into this assembly its resource name (<c>specs/&lt;key&gt;/openapi.yaml</c>).</summary>
    public string Path { get; }

    /// <summary>The parsed document with <c>$ref</c>s resolvable.</summary>
    public OpenApiDocument Document { get; }

    /// <summary>Every operation in document order, with its path and HTTP method.</summary>
    public IEnumerable<SpecOperation> Operations =>
        Document.Paths.SelectMany(path => path.Value.Select(operation => new SpecOperation(this, path.Key, operation.Key, operation.Value)));

    /// <summary>Reads and parses a spec file.</summary>
    public static async Task<ProviderSpec> LoadAsync(string key, string path, CancellationToken cancellationToken = default)
    {
        var yaml = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return await ParseAsync(key, yaml, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses a spec's YAML text; <paramref name="path"/> says where it came from (a file, a resource, a git revision).</summary>
    public static async Task<ProviderSpec> ParseAsync(string key, string yaml, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(yaml);
        var json = YamlToJsonConverter.Convert(yaml);
        // The document path only anchors relative $refs; the specs use local ones.
        var document = await OpenApiDocument.FromJsonAsync(json, System.IO.Path.ChangeExtension(path, ".json"), cancellationToken)
            .ConfigureAwait(false);
        return new ProviderSpec(key, path, document);
    }

    /// <inheritdoc />
    public override string ToString() => Key;
}
