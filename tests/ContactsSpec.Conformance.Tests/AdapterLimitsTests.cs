using ContactsSpec.Adapters;
using ContactsSpec.Specs;

namespace ContactsSpec.Conformance.Tests;

/// <summary>
/// The facade validates input against limits its adapters hold as constants; each constant must equal the value
/// its spec states, so the spec stays the single source of truth.
/// </summary>
[TestFixture]
public sealed class AdapterLimitsTests
{
    private static IEnumerable<TestCaseData> Limits()
    {
        yield return Limit("wamm", "contactTo", "name", WammContactsAdapter.MaxNameLength);
        yield return Limit("wamm", "contactTo", "email", WammContactsAdapter.MaxEmailLength);
        yield return Limit("wamm", "contactTo", "web", WammContactsAdapter.MaxWebLength);
        yield return Limit("wazzup-v3", "Contact", "id", WazzupV3ContactsAdapter.MaxIdLength);
        yield return Limit("wazzup-v3", "Contact", "responsibleUserId", WazzupV3ContactsAdapter.MaxResponsibleUserIdLength);
        yield return Limit("wazzup-v3", "Contact", "name", WazzupV3ContactsAdapter.MaxNameLength);
        yield return Limit("wazzup-v3", "Contact", "uri", WazzupV3ContactsAdapter.MaxUriLength);
        yield return Limit("wazzup-v3", "upsertContacts", "body", WazzupV3ContactsAdapter.MaxBatch);
        yield return Limit("wazzup-v3", "bulkDeleteContacts", "body", WazzupV3ContactsAdapter.MaxBatch);
        yield return Limit("wazzup-v3", "ContactList", "data", 100, "ListPageSize");
    }

    [TestCaseSource(nameof(Limits))]
    public async Task Adapter_limit_equals_the_spec(string provider, string owner, string field, int adapterValue, string kind)
    {
        var spec = (await ConformanceSuite.SpecsAsync()).Single(candidate => candidate.Key == provider);

        Assert.That(adapterValue, Is.EqualTo(SpecLimit(spec, owner, field, kind)));
    }

    [Test]
    public void Wazzup_v3_capabilities_report_the_spec_limits()
    {
        using var client = new ContactsClient(new WazzupV3ContactsOptions { ApiKey = "k" });
        var capabilities = client.Capabilities;

        Assert.That(
            new[] { capabilities.MaxUpsertBatchSize, capabilities.MaxDeleteBatchSize, capabilities.ListPageSize },
            Is.EqualTo(new int?[] { WazzupV3ContactsAdapter.MaxBatch, WazzupV3ContactsAdapter.MaxBatch, 100 }));
    }

    private static TestCaseData Limit(string provider, string owner, string field, int value, string kind = "maxLength") =>
        new TestCaseData(provider, owner, field, value, kind).SetArgDisplayNames($"{provider}/{owner}/{field}");

    // owner is an operationId (a query parameter's maxLength, or its request body's maxItems) or a component schema.
    private static int? SpecLimit(ProviderSpec spec, string owner, string field, string kind)
    {
        if (spec.Operations.FirstOrDefault(operation => operation.Id == owner) is { } operation)
        {
            var schema = field == "body"
                ? operation.RequestBodyContent.Values.Single().Schema!
                : operation.Parameters.Single(parameter => parameter.Name == field).Schema!;
            return field == "body" ? schema.MaxItems : schema.MaxLength;
        }

        var property = spec.Document.Components!.Schemas![owner].Properties![field];
        return kind == "ListPageSize" ? property.MaxItems : property.MaxLength;
    }
}
