using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ContactsSpec.Specs;

/// <summary>JSON values as a spec documents them.</summary>
public static class SpecJson
{
    // Characters as the spec writes them (Cyrillic stays Cyrillic): the text goes to an HTTP body, not into HTML.
    private static readonly JsonSerializerOptions AsWritten = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Compact JSON of <paramref name="value"/> with its characters as written (<c>null</c> for null).</summary>
    public static string Compact(JsonNode? value) => value?.ToJsonString(AsWritten) ?? "null";

    /// <summary>
    /// A copy of <paramref name="value"/> as the spec wrote it. Microsoft.OpenApi stands a marker string in for a
    /// written <c>null</c> (so that the member is kept); the copy has the <c>null</c> back.
    /// </summary>
    public static JsonNode? Normalize(JsonNode? value) => value switch
    {
        null => null,
        _ when JsonNullSentinel.IsJsonNullSentinel(value) => null,
        JsonObject members => new JsonObject(members.Select(member => KeyValuePair.Create(member.Key, Normalize(member.Value)))),
        JsonArray items => new JsonArray([.. items.Select(Normalize)]),
        _ => value.DeepClone(),
    };

    /// <summary>The value and every value inside it, parents before children, in document order (JSON nulls have no node and are left out).</summary>
    public static IEnumerable<JsonNode> Descendants(JsonNode? value)
    {
        if (value is null)
        {
            yield break;
        }

        yield return value;
        var children = value switch
        {
            JsonObject members => members.Select(member => member.Value),
            JsonArray items => items,
            _ => [],
        };
        foreach (var child in children.SelectMany(Descendants))
        {
            yield return child;
        }
    }

    /// <summary>The text a value is sent as in a path, query or form field: a string as it is, any other value as its JSON.</summary>
    public static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue text when text.TryGetValue<string>(out var content) => content,
        _ => Compact(value),
    };
}
