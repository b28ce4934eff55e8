using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactsSpec.Conformance.Verification;

/// <summary>
/// Compares a documented JSON body with a typed model's re-serialisation. Every documented field must come back
/// with the same name, JSON type and value. The one allowance: a typed model writes an optional property it has
/// no value for as <c>null</c>; a <c>null</c> the document does not mention is not a difference. A writer that leaves
/// null properties out (Kiota's) is compared with <c>absentIsNull</c>: a documented <c>null</c> it left out is not one either.
/// </summary>
public static class JsonEquivalence
{
    /// <summary>Each difference as "path: what differs"; empty when equivalent.</summary>
    public static IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual, bool absentIsNull = false)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", absentIsNull, differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, bool absentIsNull, List<string> differences)
    {
        var expectedKind = Kind(expected);
        var actualKind = Kind(actual);
        if (expectedKind != actualKind && !(IsNumber(expectedKind) && IsNumber(actualKind)) && !(IsBoolean(expectedKind) && IsBoolean(actualKind)))
        {
            differences.Add($"{path}: expected {Describe(expected)}, got {Describe(actual)}");
            return;
        }

        switch (expected)
        {
            case JsonObject expectedObject:
                var actualObject = (JsonObject)actual!;
                foreach (var (name, value) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(name, out var actualValue))
                    {
                        if (absentIsNull && value is null)
                        {
                            continue;
                        }

                        differences.Add($"{path}.{name}: missing (expected {Describe(value)})");
                        continue;
                    }

                    Compare(value, actualValue, $"{path}.{name}", absentIsNull, differences);
                }

                foreach (var (name, value) in actualObject)
                {
                    if (!expectedObject.ContainsKey(name) && value is not null)
                    {
                        differences.Add($"{path}.{name}: not in the document, got {Describe(value)}");
                    }
                }

                break;
            case JsonArray expectedArray:
                var actualArray = (JsonArray)actual!;
                if (expectedArray.Count != actualArray.Count)
                {
                    differences.Add($"{path}: expected {expectedArray.Count} items, got {actualArray.Count}");
                    return;
                }

                for (var index = 0; index < expectedArray.Count; index++)
                {
                    Compare(expectedArray[index], actualArray[index], $"{path}[{index}]", absentIsNull, differences);
                }

                break;
            case JsonValue when !ScalarEquals(expected, actual!):
                differences.Add($"{path}: expected {Describe(expected)}, got {Describe(actual)}");
                break;
        }
    }

    private static bool ScalarEquals(JsonNode expected, JsonNode actual)
    {
        var left = expected.GetValueKind();
        return left == JsonValueKind.Number
            ? decimal.Parse(expected.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                == decimal.Parse(actual.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : JsonNode.DeepEquals(expected, actual);
    }

    private static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    private static bool IsNumber(JsonValueKind kind) => kind == JsonValueKind.Number;

    private static bool IsBoolean(JsonValueKind kind) => kind is JsonValueKind.True or JsonValueKind.False;

    private static string Describe(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
