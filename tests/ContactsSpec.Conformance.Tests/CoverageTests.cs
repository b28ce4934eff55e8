using System.Text.Json.Nodes;
using ContactsSpec.Conformance.Cases;

namespace ContactsSpec.Conformance.Tests;

/// <summary>The cases cover every documented response, counted independently from the document as written.</summary>
[TestFixture]
public sealed class CoverageTests
{
    private static readonly string[] Methods = ["get", "put", "post", "patch", "delete"];

    [Test]
    public async Task Every_documented_response_in_the_raw_specs_has_exactly_one_documented_case()
    {
        var cases = await ConformanceSuite.CasesAsync();

        Assert.That(ConformanceCaseCatalog.DocumentedResponseIds(cases), Is.EquivalentTo(await DocumentedResponsesAsWrittenAsync()).And.Unique);
    }

    [Test]
    public async Task Every_provider_has_forward_compatibility_cases()
    {
        var cases = await ConformanceSuite.CasesAsync();
        var unknownField = cases.Where(@case => @case.Kind == ConformanceCaseKind.UnknownField).Select(@case => @case.Provider).Distinct();
        var unknownChatType = cases.Where(@case => @case.Kind == ConformanceCaseKind.UnknownChatType).Select(@case => @case.Provider).Distinct();

        Assert.Multiple(() =>
        {
            Assert.That(unknownField, Is.EquivalentTo(ContactsProviders.All));
            Assert.That(unknownChatType, Is.EquivalentTo(new[] { "wazzup-v2", "wazzup-v3" }), "the providers whose contacts carry chat types");
        });
    }

    // Walks the document as written (ProviderSpec.Source) rather than the typed model the cases come from.
    private static async Task<List<string>> DocumentedResponsesAsWrittenAsync()
    {
        var ids = new List<string>();
        foreach (var spec in await ConformanceSuite.SpecsAsync())
        {
            var root = spec.Source;
            var componentResponses = root["components"]?["responses"] as JsonObject ?? [];
            foreach (var (_, path) in root["paths"]!.AsObject())
            {
                foreach (var (_, operation) in path!.AsObject().Where(child => Methods.Contains(child.Key)))
                {
                    foreach (var (status, written) in operation!["responses"]!.AsObject())
                    {
                        var response = written!["$ref"] is { } reference
                            ? componentResponses[((string)reference!).Split('/')[^1]]!
                            : written;
                        var prefix = $"{spec.Key}/{operation["operationId"]}/{status}";
                        if (response["content"] is not JsonObject content)
                        {
                            ids.Add($"{prefix}/empty");
                            continue;
                        }

                        foreach (var (_, mediaType) in content)
                        {
                            ids.AddRange(mediaType!["examples"]!.AsObject().Select(example => $"{prefix}/{example.Key}"));
                        }
                    }
                }
            }
        }

        return ids;
    }
}
