using System.Text.Json.Nodes;
using ContactsSpec.Specs;

namespace ContactsSpec.Tests.Support;

/// <summary>
/// Reads values out of a provider's spec, as the spec model reads it, by path through the document as written (in a
/// sequence, a key names the item whose <c>name</c> it is), so limits in the adapters can be checked against it.
/// </summary>
public sealed class SpecDocument
{
    private readonly ProviderSpec _spec;

    private SpecDocument(ProviderSpec spec)
    {
        _spec = spec;
    }

    public static SpecDocument Load(string provider)
    {
        var path = RepositoryFiles.SpecPath(provider);
        return new(ProviderSpec.Parse(provider, File.ReadAllText(path), path));
    }

    /// <summary>The scalar at a path of mapping keys, e.g. <c>"components", "schemas", "Contact", "properties", "name", "maxLength"</c>.</summary>
    public string Scalar(params string[] path) => SpecJson.Text(Node(path).AsValue())!;

    /// <summary>The scalars of the sequence at a path, e.g. a schema's <c>x-extensible-enum</c>.</summary>
    public IReadOnlyList<string> Scalars(params string[] path) => [.. Node(path).AsArray().Select(item => SpecJson.Text(item!.AsValue())!)];

    /// <summary>The spec's first <c>servers[].url</c>.</summary>
    public Uri FirstServerUrl() => new(_spec.Document.Servers![0].Url!);

    private JsonNode Node(params string[] path)
    {
        JsonNode node = _spec.Source;
        foreach (var key in path)
        {
            // In a sequence (such as parameters), the key picks the item whose name it is.
            node = node is JsonArray items
                ? items.OfType<JsonObject>().Single(item => (string?)item["name"] == key)
                : node[key] ?? throw new KeyNotFoundException($"{_spec.Key}: nothing at '{key}' of {string.Join("/", path)}.");
        }

        return node;
    }

    public int Number(params string[] path) => int.Parse(Scalar(path), System.Globalization.CultureInfo.InvariantCulture);
}
