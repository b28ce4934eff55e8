using System.Reflection;
using ContactsSpec.Cli.Tests.Support;
using NetArchTest.Rules;

namespace ContactsSpec.Cli.Tests;

/// <summary>
/// The tool's everyday <c>contacts</c> commands are a facade client: they reach the conformance harness, the spec
/// model and WireMock.Net only through <c>Sandbox/</c>, for <c>--sandbox</c>. Read from the built contacts-spec.dll.
/// </summary>
[TestFixture]
public sealed class ArchitectureTests
{
    private const string ContactsCommands = "ContactsSpec.Cli.Contacts";

    [Test]
    public void The_contacts_commands_depend_on_the_facade_not_on_the_harness()
    {
        // Loaded into this process (its dependencies from its own folder), so that the rule can name the types it reads.
        var commands = Types.InAssembly(Assembly.LoadFrom(CliTool.DllPath)).That().ResideInNamespace(ContactsCommands);

        var result = commands.ShouldNot().HaveDependencyOnAny("ContactsSpec.Conformance", "ContactsSpec.Specs", "WireMock").GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(commands.GetTypes(), Has.Some.Property("Name").EqualTo("ProviderConnection"), "the rule reads the contacts commands");
            Assert.That(result.FailingTypeNames ?? [], Is.Empty);
        });
    }
}
