using YamlDotNet.RepresentationModel;

namespace ContactsSpec.Tests.Support;

/// <summary>Reads values out of a provider's spec by path (in a sequence, a key names the item whose <c>name</c> it is), so limits in the adapters can be checked against it.</summary>
public sealed class SpecDocument
{
    private readonly YamlMappingNode _root;

    private SpecDocument(YamlMappingNode root)
    {
        _root = root;
    }

    public static SpecDocument Load(string provider)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(RepositoryFiles.SpecPath(provider));
        stream.Load(reader);
        return new SpecDocument((YamlMappingNode)stream.Documents[0].RootNode);
    }

    /// <summary>The scalar at a path of mapping keys, e.g. <c>"components", "schemas", "Contact", "properties", "name", "maxLength"</c>.</summary>
    public string Scalar(params string[] path) => ((YamlScalarNode)Node(path)).Value!;

    /// <summary>The scalars of the sequence at a path, e.g. a schema's <c>x-extensible-enum</c>.</summary>
    public IReadOnlyList<string> Scalars(params string[] path) => [.. ((YamlSequenceNode)Node(path)).Children.Cast<YamlScalarNode>().Select(item => item.Value!)];

    /// <summary>The spec's first <c>servers[].url</c>.</summary>
    public Uri FirstServerUrl() =>
        new(((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)Node("servers")).Children[0]).Children[new YamlScalarNode("url")]).Value!);

    private YamlNode Node(params string[] path)
    {
        YamlNode node = _root;
        foreach (var key in path)
        {
            // In a sequence (such as parameters), the key picks the item whose name it is.
            node = node is YamlSequenceNode items
                ? items.Children.OfType<YamlMappingNode>().Single(item => item.Children.TryGetValue(new YamlScalarNode("name"), out var name) && name.ToString() == key)
                : ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        return node;
    }

    public int Number(params string[] path) => int.Parse(Scalar(path), System.Globalization.CultureInfo.InvariantCulture);
}
