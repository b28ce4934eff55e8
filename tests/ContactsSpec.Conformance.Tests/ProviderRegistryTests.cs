using System.Reflection;
using System.Xml.Linq;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Specs;

namespace ContactsSpec.Conformance.Tests;

/// <summary>
/// The provider registry (<see cref="ContactsProviders.Registered"/>) against everything else that names a provider:
/// the specs, the generated clients, the options, dependency injection, docs/ERRORS.md and the README. Adding a
/// provider in one place but not another fails here, naming the place.
/// </summary>
[TestFixture]
public sealed class ProviderRegistryTests
{
    public static IEnumerable<TestCaseData> Providers() =>
        ContactsProviders.Registered.Select(provider => new TestCaseData(provider.Key).SetArgDisplayNames(provider.Key));

    [Test]
    public async Task Every_spec_is_a_registered_provider_and_every_provider_has_a_spec()
    {
        var specs = await ConformanceSuite.SpecsAsync();

        Assert.That(specs.Select(spec => spec.Key), Is.EquivalentTo(ContactsProviders.All));
    }

    [TestCaseSource(nameof(Providers))]
    public async Task The_spec_carries_the_registered_credentials_where_the_registry_says(string key)
    {
        var provider = ContactsProviders.Find(key);
        var spec = (await ConformanceSuite.SpecsAsync()).Single(candidate => candidate.Key == key);
        var credentialParameters = spec.Operations.SelectMany(operation => operation.Parameters).Where(SpecCredentials.IsCredential)
            .Select(parameter => parameter.Name).Distinct().ToList();
        var examples = ExampleCredentials.Of(spec);

        Assert.Multiple(() =>
        {
            Assert.That(provider.Credentials.Select(credential => credential.SpecParameter).OfType<string>(), Is.EquivalentTo(credentialParameters),
                "the parameters the spec marks x-credential");
            Assert.That(SpecCredentials.ExampleBearerToken(spec) is not null, Is.EqualTo(provider.Credentials.Any(credential => credential.SpecParameter is null)),
                "a bearer scheme in the spec exactly when a credential travels in it");
            Assert.That(examples.Keys, Is.EquivalentTo(provider.Credentials.Select(credential => credential.Name)), "a sample value for every credential");
        });
    }

    [TestCaseSource(nameof(Providers))]
    public async Task The_registered_operations_are_the_specs_and_the_facade_calls_each(string key)
    {
        var provider = ContactsProviders.Find(key);
        var spec = (await ConformanceSuite.SpecsAsync()).Single(candidate => candidate.Key == key);

        Assert.Multiple(() =>
        {
            Assert.That(provider.Operations.Keys, Is.EquivalentTo(spec.Operations.Select(operation => operation.Id)), "every operation of the spec, and only those");
            Assert.That(provider.Operations.Values, Has.None.EqualTo(ContactsOperations.None), "each serves a facade operation");
            Assert.That(spec.Operations.Where(operation => !FacadeInvoker.IsReachable(operation)).Select(operation => operation.Id), Is.Empty,
                "the conformance suite has a facade call for each");
        });
    }

    [TestCaseSource(nameof(Providers))]
    public async Task The_options_generated_client_and_host_agree_with_the_registry(string key)
    {
        var provider = ContactsProviders.Find(key);
        var spec = (await ConformanceSuite.SpecsAsync()).Single(candidate => candidate.Key == key);
        var options = provider.CreateOptions(provider.Credentials.ToDictionary(credential => credential.Name, credential => $"value-of-{credential.Name}"));

        Assert.Multiple(() =>
        {
            Assert.That(options.Provider, Is.EqualTo(key));
            Assert.That(options.GetType(), Is.EqualTo(provider.OptionsType));
            Assert.That(provider.Credentials.Select(credential => provider.OptionsType.GetProperty(credential.OptionName)?.GetValue(options)),
                Is.EqualTo(provider.Credentials.Select(credential => $"value-of-{credential.Name}")), "each credential sets the property it names");
            Assert.That(provider.DefaultBaseUri, Is.EqualTo(new Uri(spec.Document.Servers!.Single().Url!)), "the spec's server is the default host");
            Assert.That(provider.GeneratedClientType.Assembly.GetName().Name, Is.EqualTo(provider.GeneratedClientType.Namespace));
            Assert.That(File.Exists(Path.Combine(ConformanceSuite.RepositoryRoot, "generated", provider.GeneratedClientType.Namespace!, $"{provider.GeneratedClientType.Namespace}.csproj")),
                Is.True, "the generated client's project under generated/");
            Assert.That(File.ReadAllText(Path.Combine(ConformanceSuite.RepositoryRoot, "ContactsSpec.sln")), Does.Contain($"{provider.GeneratedClientType.Namespace}.csproj\""),
                "the generated client's project in the solution");
        });
    }

    [TestCaseSource(nameof(Providers))]
    public void The_provider_has_a_kiota_client_project_generating_from_its_spec(string key)
    {
        var name = ContactsProviders.Find(key).GeneratedClientType.Namespace + ".Kiota";
        var project = Path.Combine(ConformanceSuite.RepositoryRoot, "generated", name, name + ".csproj");

        Assert.That(project, Does.Exist, "its Kiota project under generated/");
        var item = XDocument.Load(project).Descendants("KiotaClient").SingleOrDefault();

        Assert.Multiple(() =>
        {
            Assert.That(item?.Attribute("Include")?.Value, Is.EqualTo($"../../specs/{key}/openapi.yaml"));
            Assert.That(item?.Attribute("Namespace")?.Value, Is.EqualTo(name));
            Assert.That(File.ReadAllText(Path.Combine(ConformanceSuite.RepositoryRoot, "ContactsSpec.sln")), Does.Contain($"{name}.csproj"), "in the solution");
            Assert.That(KiotaClientInvoker.ClientType(key).FullName, Is.EqualTo($"{name}.{item?.Attribute("ClientName")?.Value}"), "the client the conformance suite runs");
        });
    }

    [TestCaseSource(nameof(Providers))]
    public void Dependency_injection_has_an_Add_method_for_the_provider(string key)
    {
        var provider = ContactsProviders.Find(key);
        var configure = typeof(Action<>).MakeGenericType(provider.OptionsType);

        var adders = typeof(ContactsBuilder).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(method => method.Name.StartsWith("Add", StringComparison.Ordinal) && method.GetParameters().Select(parameter => parameter.ParameterType).SequenceEqual([configure]));

        Assert.That(adders, Has.Exactly(1).Items, $"ContactsBuilder.Add...(Action<{provider.OptionsType.Name}>)");
    }

    [TestCaseSource(nameof(Providers))]
    public void The_error_table_and_the_readme_name_the_provider(string key)
    {
        var provider = ContactsProviders.Find(key);
        var readme = File.ReadAllLines(Path.Combine(ConformanceSuite.RepositoryRoot, "README.md"));
        var flags = string.Join(", ", provider.Credentials.Select(credential => $"`--{credential.Name}`"));
        var variables = string.Join(", ", provider.Credentials.Select(credential => $"`CONTACTSSPEC_{key}_{credential.Name}`".Replace('-', '_').ToUpperInvariant()));

        Assert.Multiple(() =>
        {
            Assert.That(ConformanceSuite.ErrorTable.Rows.Select(row => row.Provider), Does.Contain(key), "docs/ERRORS.md has its errors");
            Assert.That(readme.Where(line => line.StartsWith($"| `{key}` |", StringComparison.Ordinal)).Select(line => line.Split('|')[2].Trim()),
                Has.Some.StartsWith(flags), "the README's credentials table lists its flags");
            Assert.That(readme.Where(line => line.StartsWith($"| `{key}` |", StringComparison.Ordinal)).Select(line => line.Split('|')[3].Trim()),
                Has.Some.EqualTo(variables), "and its environment variables");
            Assert.That(readme.Where(line => line.StartsWith($"| `{key}` |", StringComparison.Ordinal)),
                Has.Some.Matches<string>(line => provider.Operations.Keys.All(operation => line.Contains($"`{operation}`", StringComparison.Ordinal))),
                "the README's providers table lists every operation");
        });
    }
}
