using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ContactsSpec.Conformance.Specs;

/// <summary>
/// Turns a YAML document into JSON, typing plain scalars by the YAML 1.2 core schema (numbers, booleans, null)
/// and keeping quoted scalars as strings. Examples keep their JSON types this way: <c>err: 0</c> stays a number,
/// <c>chatId: "79991114433"</c> stays a string.
/// </summary>
internal static class YamlToJsonConverter
{
    public static string Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count != 1)
        {
            throw new InvalidDataException($"Expected exactly one YAML document, found {stream.Documents.Count}.");
        }

        return (ToJson(stream.Documents[0].RootNode) ?? throw new InvalidDataException("The YAML document is empty.")).ToJsonString();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ToJsonObject(mapping),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar when scalar.Style is ScalarStyle.Plain => PlainScalar(scalar.Value),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidDataException($"Unsupported YAML node at {node.Start}: {node.NodeType}."),
    };

    private static JsonObject ToJsonObject(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value
                ?? throw new InvalidDataException($"Only scalar mapping keys are supported (at {key.Start}).");
            result.Add(name, ToJson(value));
        }

        return result;
    }

    private static JsonValue? PlainScalar(string? value) => value switch
    {
        null or "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ => JsonValue.Create(value),
    };
}
