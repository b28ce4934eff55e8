using System.Globalization;
using ContactsSpec.Specs;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactsSpec.Conformance.Cases;

/// <summary>Derives every conformance case from the specs: nothing here is written per provider.</summary>
public static class ConformanceCaseCatalog
{
    /// <summary>The field added by <see cref="ConformanceCaseKind.UnknownField"/> cases.</summary>
    public const string UnknownFieldName = "contactsspecFutureField";

    /// <summary>The chat type used by <see cref="ConformanceCaseKind.UnknownChatType"/> cases; no doc lists it.</summary>
    public const string UnknownChatType = "futuremessenger";

    private static readonly string[] ChatTypePropertyNames = ["chatType", "chat_type"];

    /// <summary>One case per documented response of every operation, then the forward-compatibility variants.</summary>
    public static IReadOnlyList<ConformanceCase> Build(IEnumerable<ProviderSpec> specs)
    {
        var cases = new List<ConformanceCase>();
        foreach (var operation in specs.SelectMany(spec => spec.Operations))
        {
            foreach (var example in operation.ResponseExamples())
            {
                var documented = new ConformanceCase(
                    operation,
                    int.Parse(example.Status, NumberStyles.None, CultureInfo.InvariantCulture),
                    example.Name,
                    ConformanceCaseKind.Documented,
                    example.MediaType,
                    example.Value,
                    example.Schema);
                cases.Add(documented);
                cases.AddRange(ForwardCompatibleVariants(documented));
            }
        }

        return cases;
    }

    /// <summary>The documented responses: (provider, operation, status, example) as the cases name them.</summary>
    public static IReadOnlyList<string> DocumentedResponseIds(IEnumerable<ConformanceCase> cases) =>
        [.. cases.Where(@case => @case.Kind == ConformanceCaseKind.Documented).Select(@case => @case.Id)];

    private static IEnumerable<ConformanceCase> ForwardCompatibleVariants(ConformanceCase documented)
    {
        if (!documented.IsSuccessStatus || documented.ResponseBody is not { } body || body is not (JsonObject or JsonArray))
        {
            yield break;
        }

        var withField = body.DeepClone();
        var objects = SpecJson.Descendants(withField).OfType<JsonObject>().ToList();
        if (objects.Count > 0)
        {
            foreach (var target in objects)
            {
                target[UnknownFieldName] = new JsonObject { ["addedBy"] = "a later provider release", ["count"] = 1 };
            }

            yield return documented with
            {
                ExampleName = $"{documented.ExampleName}+unknown-field",
                Kind = ConformanceCaseKind.UnknownField,
                ResponseBody = withField,
            };
        }

        var withChatType = body.DeepClone();
        var chatTypes = SpecJson.Descendants(withChatType).OfType<JsonObject>()
            .SelectMany(item => ChatTypePropertyNames.Where(name => item[name]?.GetValueKind() == JsonValueKind.String).Select(name => (Item: item, Name: name)))
            .ToList();
        if (chatTypes.Count > 0)
        {
            foreach (var (item, name) in chatTypes)
            {
                item[name] = UnknownChatType;
            }

            yield return documented with
            {
                ExampleName = $"{documented.ExampleName}+unknown-chat-type",
                Kind = ConformanceCaseKind.UnknownChatType,
                ResponseBody = withChatType,
            };
        }
    }
}
