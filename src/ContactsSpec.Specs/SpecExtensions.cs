using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ContactsSpec.Specs;

/// <summary>The <c>x-</c> extensions the specs use (specs/README.md), read from any part of the typed model.</summary>
public static class SpecExtensions
{
    /// <summary>The extension's value as JSON, or null when it is absent.</summary>
    public static JsonNode? Value(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
        extensions is not null && extensions.TryGetValue(name, out var extension) && extension is JsonNodeExtension json
            ? SpecJson.Normalize(json.Node)
            : null;

    /// <summary>Whether the extension is there with the value <c>true</c> (<c>x-credential: true</c>).</summary>
    public static bool IsSet(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
        Value(extensions, name) is JsonValue flag && flag.TryGetValue<bool>(out var set) && set;
}
