using System.Text.Json.Nodes;

namespace ContactsSpec.Specs.Tests;

/// <summary>
/// One constraint or response status a spec states, named the way <c>documented-facts.json</c> names it
/// (<c>Contact.id maxLength 100</c>, <c>listContacts offset minimum 0</c>, <c>upsertContacts status 201</c>), with the
/// reason an <c>x-assumption</c> marker gives for it, or null when no marker covers it.
/// </summary>
internal sealed record StatedFact(string Text, string? Assumption);

/// <summary>An <c>x-assumption</c> marker: where it sits, what it says, and what that node states (what its keys may name).</summary>
internal sealed record AssumptionMarker(string Where, IReadOnlyDictionary<string, string?> Reasons, IReadOnlySet<string> Present, string? AssumedFrom);

/// <summary>
/// Reads every constraint and status out of a spec's document as written (<see cref="ProviderSpec.Source"/>), with the
/// assumption markers beside them, following specs/README.md ("Facts and assumptions").
/// </summary>
/// <remarks>
/// The document as written rather than the typed model: a marker is an extension anywhere in the tree, and what a
/// fact is named by is the keyword the spec writes. Local <c>$ref</c>s to shared responses and parameters are
/// followed; a schema <c>$ref</c> is not, since every component schema is read under its own name.
/// </remarks>
internal sealed class StatedFacts
{
    public const string AssumptionKey = "x-assumption";

    /// <summary>The one key an <c>x-assumption</c> on a request body's media type may name.</summary>
    public const string ContentTypeKey = "content type";
    public const string AssumedFromKey = "x-assumed-from";

    /// <summary>The keywords whose values are constraints (specs/README.md); <c>required</c> is read separately.</summary>
    private static readonly string[] ConstraintKeywords =
        ["minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum", "pattern", "format", "enum", "default"];

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private readonly JsonObject _root;
    private readonly List<StatedFact> _facts = [];
    private readonly List<AssumptionMarker> _markers = [];
    private readonly List<string> _malformed = [];

    private StatedFacts(JsonObject root)
    {
        _root = root;
    }

    /// <summary>Every constraint and status, in document order.</summary>
    public IReadOnlyList<StatedFact> Facts => _facts;

    /// <summary>Every <c>x-assumption</c> or <c>x-assumed-from</c> on a node that states facts.</summary>
    public IReadOnlyList<AssumptionMarker> Markers => _markers;

    /// <summary>Markers that are not a map of names to reasons.</summary>
    public IReadOnlyList<string> Malformed => _malformed;

    /// <summary>Reads the facts of a spec.</summary>
    public static StatedFacts Of(ProviderSpec spec)
    {
        var facts = new StatedFacts(spec.Source);
        facts.Read();
        return facts;
    }

    private void Read()
    {
        foreach (var (_, pathNode) in Children(Child(_root, "paths")))
        {
            var pathItem = Resolve(pathNode);
            var shared = Items(Child(pathItem, "parameters")).ToList();
            foreach (var (method, operation) in Children(pathItem).Where(entry => Methods.Contains(entry.Key)))
            {
                AddOperation(operation, shared);
            }
        }

        foreach (var (name, schema) in Children(Child(Child(_root, "components"), "schemas")))
        {
            AddSchema(schema, name);
        }
    }

    private void AddOperation(JsonNode? operation, IReadOnlyList<JsonNode?> shared)
    {
        var id = Scalar(Child(operation, "operationId")) ?? "(no operationId)";
        foreach (var parameter in shared.Concat(Items(Child(operation, "parameters"))).Select(Resolve).OfType<JsonObject>())
        {
            var where = $"{id} {Scalar(Child(parameter, "name"))}";
            var required = Scalar(Child(parameter, "required")) == "true";
            var reasons = Marker(parameter, where, required ? ["required"] : []);
            // OpenAPI itself makes every path parameter required: that is no fact about the provider.
            if (required && Scalar(Child(parameter, "in")) != "path")
            {
                _facts.Add(new StatedFact($"{where} required", reasons.GetValueOrDefault("required")));
            }

            AddSchema(Child(parameter, "schema"), where);
        }

        if (Child(operation, "requestBody") is { } body)
        {
            // The encoding a body is sent in is a fact about the provider as much as its fields are.
            foreach (var (mediaType, media) in Children(Child(Resolve(body), "content")))
            {
                var reasons = Marker(media, $"{id} request {mediaType}", [ContentTypeKey]);
                _facts.Add(new StatedFact($"{id} request content type {mediaType}", reasons.GetValueOrDefault(ContentTypeKey)));
                AddSchema(Child(media, "schema"), $"{id} request");
            }
        }

        foreach (var (status, reference) in Children(Child(operation, "responses")))
        {
            var response = Resolve(reference);
            var reasons = Marker(response, $"{id} response {status}", ["status"]);
            _facts.Add(new StatedFact($"{id} status {status}", reasons.GetValueOrDefault("status")));
            foreach (var (_, media) in Children(Child(response, "content")))
            {
                AddSchema(Child(media, "schema"), $"{id} {status}");
            }
        }
    }

    // A schema's own constraints, then its children's. A $ref stops the walk: the component is read under its own name.
    private void AddSchema(JsonNode? node, string where)
    {
        if (node is not JsonObject schema || Child(schema, "$ref") is not null)
        {
            return;
        }

        var stated = ConstraintKeywords
            .Select(keyword => (Keyword: keyword, Value: Child(schema, keyword)))
            .Where(constraint => constraint.Value is not null)
            .Select(constraint => (constraint.Keyword, Value: Text(constraint.Value!)))
            .ToList();
        var required = Items(Child(schema, "required")).Select(Scalar).OfType<string>().ToList();
        var present = new HashSet<string>(
            Children(schema).Select(entry => entry.Key).Where(key => key is not AssumptionKey and not AssumedFromKey),
            StringComparer.Ordinal);

        var reasons = Marker(schema, where, present);
        foreach (var (keyword, value) in stated)
        {
            _facts.Add(new StatedFact($"{where} {keyword} {value}", reasons.GetValueOrDefault(keyword)));
        }

        // A required property is a fact about the property; the marker sits with the `required` list that states it.
        foreach (var name in required)
        {
            _facts.Add(new StatedFact($"{where}.{name} required", reasons.GetValueOrDefault("required")));
        }

        foreach (var (name, property) in Children(Child(schema, "properties")))
        {
            AddSchema(property, $"{where}.{name}");
        }

        AddSchema(Child(schema, "items"), $"{where}[]");
        AddSchema(Child(schema, "additionalProperties"), $"{where}{{*}}");
        foreach (var kind in new[] { "allOf", "oneOf", "anyOf" })
        {
            var index = 0;
            foreach (var branch in Items(Child(schema, kind)))
            {
                AddSchema(branch, $"{where}/{kind}[{index++}]");
            }
        }
    }

    // The reasons of the node's x-assumption, by the name each covers; records the marker for the checks on markers.
    private Dictionary<string, string?> Marker(JsonNode? node, string where, IEnumerable<string> present)
    {
        var reasons = new Dictionary<string, string?>(StringComparer.Ordinal);
        var marker = Child(node, AssumptionKey);
        var assumedFrom = Child(node, AssumedFromKey);
        if (marker is null && assumedFrom is null)
        {
            return reasons;
        }

        if (marker is JsonObject map)
        {
            foreach (var (name, reason) in Children(map))
            {
                reasons[name] = Scalar(reason);
            }
        }
        else if (marker is not null)
        {
            _malformed.Add($"{where}: {AssumptionKey} must map what it covers to why, not be a {(marker is JsonArray ? "list" : "scalar")}");
            return reasons;
        }

        _markers.Add(new AssumptionMarker(where, reasons, new HashSet<string>(present, StringComparer.Ordinal), assumedFrom is null ? null : Scalar(assumedFrom)));
        return reasons;
    }

    // A local reference (#/components/...) is replaced by what it points at.
    private JsonNode? Resolve(JsonNode? node)
    {
        if (Scalar(Child(node, "$ref")) is not { } reference)
        {
            return node;
        }

        JsonNode? target = _root;
        foreach (var segment in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            target = Child(target, segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
                ?? throw new InvalidDataException($"'{reference}' points at nothing in the spec.");
        }

        return target;
    }

    // A constraint's value as the facts file writes it: a scalar as written, a list as [a, b].
    private static string Text(JsonNode value) => value switch
    {
        JsonArray sequence => $"[{string.Join(", ", sequence.Select(item => item is null ? "null" : Text(item)))}]",
        _ => SpecJson.Text(value) ?? string.Empty,
    };

    private static JsonNode? Child(JsonNode? node, string key) => node is JsonObject mapping ? mapping[key] : null;

    private static IEnumerable<(string Key, JsonNode? Value)> Children(JsonNode? node) =>
        node is JsonObject mapping ? mapping.Select(entry => (entry.Key, entry.Value)) : [];

    private static JsonArray Items(JsonNode? node) => node as JsonArray ?? [];

    private static string? Scalar(JsonNode? node) => node is JsonValue value ? SpecJson.Text(value) : null;
}
