using System.Text.Json.Nodes;

namespace ContactsSpec.Specs;

/// <summary>Every <c>x-source</c> of a spec, read from the document as written.</summary>
public static class SourceCitations
{
    /// <summary>The extension that cites a public page's section.</summary>
    public const string Extension = "x-source";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>Every citation in document order, with the operations each covers.</summary>
    /// <exception cref="InvalidDataException">An <c>x-source</c> without a page or a section.</exception>
    public static IReadOnlyList<SourceCitation> Of(ProviderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var operations = Operations(spec.Source);
        var citations = new List<SourceCitation>();
        Collect(spec, spec.Source, string.Empty, operations, citations);
        return citations;
    }

    private static void Collect(ProviderSpec spec, JsonNode? node, string pointer, IReadOnlyList<(string Pointer, string Id, JsonNode Node)> operations, List<SourceCitation> citations)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var (name, value) in members)
                {
                    var child = $"{pointer}/{Escape(name)}";
                    if (name == Extension)
                    {
                        citations.Add(Citation(spec, value, child, pointer, operations));
                    }
                    else
                    {
                        Collect(spec, value, child, operations, citations);
                    }
                }

                break;
            case JsonArray items:
                for (var index = 0; index < items.Count; index++)
                {
                    Collect(spec, items[index], $"{pointer}/{index}", operations, citations);
                }

                break;
        }
    }

    private static SourceCitation Citation(
        ProviderSpec spec, JsonNode? value, string location, string owner, IReadOnlyList<(string Pointer, string Id, JsonNode Node)> operations)
    {
        string? Field(string name) => value is JsonObject fields && fields[name] is JsonValue text ? SpecJson.Text(text) : null;
        var page = Field("page") ?? throw new InvalidDataException($"{spec.Key}: the {Extension} at {location} names no page.");
        var section = Field("section") ?? throw new InvalidDataException($"{spec.Key}: the {Extension} at {location} names no section.");

        // Inside an operation it covers that operation; on a shared part (#/components/...), every operation using it.
        var covered = operations.Where(operation => owner == operation.Pointer || owner.StartsWith(operation.Pointer + "/", StringComparison.Ordinal))
            .Select(operation => operation.Id).ToList();
        if (covered.Count == 0 && owner.StartsWith("/components/", StringComparison.Ordinal))
        {
            var shared = "#" + string.Join('/', owner.Split('/').Take(4));
            covered = [.. operations.Where(operation => References(operation.Node, shared)).Select(operation => operation.Id)];
        }

        return new SourceCitation(page, section, Field("fingerprint"), location, covered);
    }

    private static List<(string Pointer, string Id, JsonNode Node)> Operations(JsonObject root)
    {
        var operations = new List<(string, string, JsonNode)>();
        foreach (var (path, item) in root["paths"] as JsonObject ?? [])
        {
            foreach (var (method, operation) in item as JsonObject ?? [])
            {
                if (Methods.Contains(method) && operation is JsonObject written && SpecJson.Text(written["operationId"]) is { } id)
                {
                    operations.Add(($"/paths/{Escape(path)}/{method}", id, written));
                }
            }
        }

        return operations;
    }

    // A name as a JSON pointer segment (RFC 6901).
    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    // Whether the tree holds a $ref to the shared part or into it.
    private static bool References(JsonNode? node, string shared) => node switch
    {
        JsonObject members => members.Any(member =>
            (member.Key == "$ref" && SpecJson.Text(member.Value) is { } target && (target == shared || target.StartsWith(shared + "/", StringComparison.Ordinal)))
            || References(member.Value, shared)),
        JsonArray items => items.Any(item => References(item, shared)),
        _ => false,
    };
}
