using ContactsSpec.Conformance.Cases;
using YamlDotNet.RepresentationModel;

namespace ContactsSpec.Conformance.Tests;

/// <summary>The cases cover every documented response, counted independently from the raw YAML.</summary>
[TestFixture]
public sealed class CoverageTests
{
    private static readonly string[] Methods = ["get", "put", "post", "patch", "delete"];

    [Test]
    public async Task Every_documented_response_in_the_raw_specs_has_exactly_one_documented_case()
    {
        var cases = await ConformanceSuite.CasesAsync();

        Assert.That(ConformanceCaseCatalog.DocumentedResponseIds(cases), Is.EquivalentTo(DocumentedResponsesFromYaml()).And.Unique);
    }

    [Test]
    public async Task Every_provider_has_forward_compatibility_cases()
    {
        var cases = await ConformanceSuite.CasesAsync();
        var unknownField = cases.Where(@case => @case.Kind == ConformanceCaseKind.UnknownField).Select(@case => @case.Provider).Distinct();
        var unknownChatType = cases.Where(@case => @case.Kind == ConformanceCaseKind.UnknownChatType).Select(@case => @case.Provider).Distinct();

        Assert.Multiple(() =>
        {
            Assert.That(unknownField, Is.EquivalentTo(new[] { "wamm", "wasms", "wawp", "wazzup-v2", "wazzup-v3" }));
            Assert.That(unknownChatType, Is.EquivalentTo(new[] { "wazzup-v2", "wazzup-v3" }), "the providers whose contacts carry chat types");
        });
    }

    // Walks the YAML itself rather than the parsed model the cases come from.
    private static List<string> DocumentedResponsesFromYaml()
    {
        var ids = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(Path.Combine(ConformanceSuite.RepositoryRoot, "specs")))
        {
            var file = Path.Combine(folder, "openapi.yaml");
            if (!File.Exists(file))
            {
                continue;
            }

            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(file)));
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            var componentResponses = root.Children.TryGetValue(new YamlScalarNode("components"), out var components)
                && ((YamlMappingNode)components).Children.TryGetValue(new YamlScalarNode("responses"), out var shared)
                ? (YamlMappingNode)shared : new YamlMappingNode();
            foreach (var path in ((YamlMappingNode)root["paths"]).Children.Values.Cast<YamlMappingNode>())
            {
                foreach (var (method, operationNode) in path.Children.Where(child => Methods.Contains(child.Key.ToString())))
                {
                    var operation = (YamlMappingNode)operationNode;
                    foreach (var (status, responseNode) in (YamlMappingNode)operation["responses"])
                    {
                        var response = (YamlMappingNode)responseNode;
                        if (response.Children.TryGetValue(new YamlScalarNode("$ref"), out var reference))
                        {
                            response = (YamlMappingNode)componentResponses[reference.ToString().Split('/')[^1]];
                        }

                        var prefix = $"{Path.GetFileName(folder)}/{operation["operationId"]}/{status}";
                        if (!response.Children.TryGetValue(new YamlScalarNode("content"), out var content))
                        {
                            ids.Add($"{prefix}/empty");
                            continue;
                        }

                        foreach (var mediaType in ((YamlMappingNode)content).Children.Values.Cast<YamlMappingNode>())
                        {
                            ids.AddRange(((YamlMappingNode)mediaType["examples"]).Children.Keys.Select(name => $"{prefix}/{name}"));
                        }
                    }
                }
            }
        }

        return ids;
    }
}
