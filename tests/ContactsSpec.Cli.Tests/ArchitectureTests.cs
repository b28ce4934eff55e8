using System.Reflection;
using ContactsSpec.Cli.Tests.Support;
using ContactsSpec.Conformance.Running;
using ContactsSpec.Specs;
using NetArchTest.Rules;

namespace ContactsSpec.Cli.Tests;

/// <summary>
/// Dependency rules between the parts, read from the built assemblies. The tool's everyday <c>contacts</c> commands
/// are a facade client: they reach the conformance harness, the spec model and WireMock.Net only through
/// <c>Sandbox/</c>, for <c>--sandbox</c>. Each assembly keeps to one JSON model (contacts-spec-regenerate's too).
/// </summary>
[TestFixture]
public sealed class ArchitectureTests
{
    private const string ContactsCommands = "ContactsSpec.Cli.Contacts";

    // Loaded into this process (its dependencies from its own folder), so that a rule can name the types it reads.
    private static readonly Lazy<Assembly> Tool = new(() => Assembly.LoadFrom(CliTool.DllPath));

    private static readonly Lazy<Assembly> Regeneration = new(() => Assembly.LoadFrom(CliTool.RegenerateDllPath));

    private static readonly string[] JsonElementModel = ["System.Text.Json.JsonElement", "System.Text.Json.JsonDocument"];

    private static IEnumerable<TestCaseData> JsonModels()
    {
        // The facade reads what the generated clients leave untyped (JsonElement); the tool reads input the same way.
        yield return new TestCaseData("the facade", (Func<Assembly>)(() => typeof(ContactsClient).Assembly), new[] { "System.Text.Json.Nodes", "Newtonsoft.Json" })
            .SetArgDisplayNames("facade");
        yield return new TestCaseData("the tool", (Func<Assembly>)(() => Tool.Value), new[] { "System.Text.Json.Nodes", "Newtonsoft.Json" })
            .SetArgDisplayNames("tool");
        yield return new TestCaseData("contacts-spec-regenerate", (Func<Assembly>)(() => Regeneration.Value), new[] { "System.Text.Json.Nodes", "Newtonsoft.Json" })
            .SetArgDisplayNames("regeneration");

        // The spec model and the harness use JsonNode, the model of Microsoft.OpenApi and JsonSchema.Net.
        yield return new TestCaseData("the spec model", (Func<Assembly>)(() => typeof(ProviderSpec).Assembly), JsonElementModel.Append("Newtonsoft.Json").ToArray())
            .SetArgDisplayNames("spec model");
        yield return new TestCaseData("the conformance harness", (Func<Assembly>)(() => typeof(ConformanceSession).Assembly), JsonElementModel.Append("Newtonsoft.Json").ToArray())
            .SetArgDisplayNames("harness");
    }

    [TestCaseSource(nameof(JsonModels))]
    public void An_assembly_keeps_to_one_JSON_model(string part, Func<Assembly> assembly, string[] otherModels)
    {
        var result = Types.InAssembly(assembly()).ShouldNot().HaveDependencyOnAny(otherModels).GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty, $"types of {part} that use {string.Join(" or ", otherModels)}");
    }

    [Test]
    public void The_contacts_commands_depend_on_the_facade_not_on_the_harness()
    {
        var commands = Types.InAssembly(Tool.Value).That().ResideInNamespace(ContactsCommands);

        var result = commands.ShouldNot().HaveDependencyOnAny("ContactsSpec.Conformance", "ContactsSpec.Specs", "WireMock").GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(commands.GetTypes(), Has.Some.Property("Name").EqualTo("ProviderConnection"), "the rule reads the contacts commands");
            Assert.That(result.FailingTypeNames ?? [], Is.Empty);
        });
    }
}
