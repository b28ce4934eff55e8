using ContactsSpec.Reliability.Tests.Support;
using ContactsSpec.Specs;

namespace ContactsSpec.Reliability.Tests;

/// <summary>
/// The suite drives every provider in the registry through every operation its spec declares: a provider or an
/// operation added without its row in <see cref="ProviderCatalog.Operations"/> fails here, rather than going
/// untested by the fault matrix, the hostile answers and the credential scan.
/// </summary>
[TestFixture]
public sealed class ProviderCatalogTests
{
    [Test]
    public async Task Every_spec_operation_of_every_registered_provider_is_driven_or_reached_through_another()
    {
        var specs = await SpecCatalog.LoadAllAsync(SpecCatalog.SpecsFolder(ReliabilityRun.RepositoryRoot));
        var declared = specs.Where(spec => ContactsProviders.All.Contains(spec.Key))
            .SelectMany(spec => spec.Operations.Select(operation => $"{spec.Key}/{operation.Id}"));
        var driven = ProviderCatalog.Operations.Select(operation => operation.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(specs.Select(spec => spec.Key), Is.SupersetOf(ContactsProviders.All), "a spec for every registered provider");
            Assert.That(driven.Concat(ProviderCatalog.ReachedThroughAnother.Keys), Is.EquivalentTo(declared));
        });
    }

    [Test]
    public void Each_row_calls_a_facade_operation_its_spec_operation_serves_in_the_registry()
    {
        var mismatched = ProviderCatalog.Operations
            .Where(row => (ContactsProviders.Find(row.Provider).Operations.GetValueOrDefault(row.SpecOperationId) & row.Operation) != row.Operation)
            .Select(row => $"{row} as {row.Operation}");

        Assert.That(mismatched, Is.Empty);
    }
}
