using ContactsSpec.Specs;
using ContactsSpec.Conformance.Verification;

namespace ContactsSpec.Specs.Tests;

/// <summary>The specs and error table built into the harness (and so into contacts-spec) are the repository's.</summary>
[TestFixture]
public sealed class EmbeddedSpecTests
{
    [Test]
    public void Every_spec_is_built_in_exactly_as_it_is_in_specs()
    {
        var folder = SpecCatalog.SpecsFolder(SpecSuite.RepositoryRoot);
        var embedded = SpecCatalog.LoadEmbedded();

        Assert.Multiple(() =>
        {
            Assert.That(embedded.Select(spec => spec.Key), Is.EqualTo(SpecCatalog.ProviderKeys(folder)));
            Assert.That(SpecCatalog.DifferencesFromEmbedded(folder), Is.Empty);
        });
    }

    [Test]
    public void The_built_in_error_table_is_docs_ERRORS_md()
    {
        var fromFile = ErrorKindTable.Load(Path.Combine(SpecSuite.RepositoryRoot, "docs", "ERRORS.md"));

        Assert.That(ErrorKindTable.LoadEmbedded().Rows, Is.EqualTo(fromFile.Rows));
    }
}
