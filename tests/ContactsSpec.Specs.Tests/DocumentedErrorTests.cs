using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactsSpec.Specs.Tests;

/// <summary>Every error the docs list is in the provider's spec, verbatim.</summary>
[TestFixture]
public sealed class DocumentedErrorTests
{
    private static IEnumerable<TestCaseData> DocumentedErrors() =>
        SpecSuite.Facts.SelectMany(provider => provider.Value.Errors.Select(error =>
            new TestCaseData(provider.Key, error).SetArgDisplayNames(provider.Key, error)));

    private static IEnumerable<TestCaseData> DocumentedErrorStatuses() =>
        SpecSuite.Facts.SelectMany(provider => provider.Value.ErrorStatuses.Select(status =>
            new TestCaseData(provider.Key, status).SetArgDisplayNames(provider.Key, status.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    [TestCaseSource(nameof(DocumentedErrors))]
    public async Task Documented_error_appears_verbatim_in_a_response_example(string key, string error)
    {
        var spec = await SpecSuite.SpecAsync(key);

        var strings = spec.Operations
            .SelectMany(operation => operation.ResponseExamples())
            .Where(example => example.Value is not null)
            .SelectMany(example => SpecJson.Descendants(example.Value))
            .OfType<JsonValue>()
            .Where(value => value.GetValueKind() == JsonValueKind.String)
            .Select(value => value.GetValue<string>());

        Assert.That(strings, Has.Member(error));
    }

    [TestCaseSource(nameof(DocumentedErrorStatuses))]
    public async Task Documented_error_status_is_a_declared_response(string key, int status)
    {
        var spec = await SpecSuite.SpecAsync(key);

        var statuses = spec.Operations.SelectMany(operation => operation.Operation.Responses?.Keys.AsEnumerable() ?? []);

        Assert.That(statuses, Has.Member(status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
