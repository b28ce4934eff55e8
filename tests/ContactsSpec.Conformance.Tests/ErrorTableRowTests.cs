using System.Net;
using System.Text;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Conformance.Verification;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ContactsSpec.Conformance.Tests;

/// <summary>
/// Rows of docs/ERRORS.md that no facade-reachable documented response exercises (WAMM's <c>user not found</c> and
/// <c>user not active</c> come only from contact_to_user) are checked through the facade too: a documented response
/// of the same provider and status is taken and its error code replaced by the row's.
/// </summary>
[TestFixture]
public sealed class ErrorTableRowTests
{
    private static async IAsyncEnumerable<TestCaseData> RowsWithoutAFacadeCase()
    {
        var cases = await ReachableDocumentedCasesAsync();
        foreach (var row in ConformanceSuite.ErrorTable.Rows)
        {
            if (!cases.Any(@case => ConformanceSuite.ErrorTable.Match(@case.Provider, @case.Status, @case.ResponseBody) == row))
            {
                yield return new TestCaseData(row).SetArgDisplayNames($"{row.Provider}/{row.Code ?? row.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }
    }

    [Test]
    public async Task The_rows_without_a_facade_case_are_the_known_ones()
    {
        var rows = new List<string>();
        await foreach (var data in RowsWithoutAFacadeCase())
        {
            var row = (ErrorKindRow)data.Arguments[0]!;
            rows.Add($"{row.Provider}/{row.Code}");
        }

        Assert.That(rows, Is.EquivalentTo(new[] { "wamm/user not found", "wamm/user not active" }));
    }

    [TestCaseSource(nameof(RowsWithoutAFacadeCase))]
    public async Task Row_holds_through_the_facade(ErrorKindRow row)
    {
        var donor = (await ReachableDocumentedCasesAsync()).First(@case =>
            @case.Provider == row.Provider && @case.Status == row.Status && ConformanceSuite.ErrorTable.Match(@case.Provider, @case.Status, @case.ResponseBody)?.Code is not null);
        var donorCode = ConformanceSuite.ErrorTable.Match(donor.Provider, donor.Status, donor.ResponseBody)!.Code!;
        var body = (JObject)donor.ResponseBody!.DeepClone();
        body.Properties().Single(property => property.Value.Type == JTokenType.String && (string?)property.Value == donorCode).Value = row.Code;
        var @case = donor with { ExampleName = $"{donor.ExampleName}->{row.Code}", ResponseBody = body };

        var options = FacadeInvoker.Options(donor.Operation.Spec, new Uri("https://provider.invalid"));
        using var transport = new AnsweringHandler(row.Status, body.ToString(Formatting.None));
        using var client = new ContactsClient(options, transport);
        var outcome = await FacadeInvoker.InvokeAsync(client, donor.Operation, CancellationToken.None);

        Assert.That(FacadeOutcomeVerifier.Verify(@case, ConformanceSuite.ErrorTable, outcome), Is.Empty);
    }

    private static async Task<List<ConformanceCase>> ReachableDocumentedCasesAsync() =>
        [.. (await ConformanceSuite.CasesAsync()).Where(@case => @case.Kind == ConformanceCaseKind.Documented && FacadeInvoker.IsReachable(@case.Operation))];

    private sealed class AnsweringHandler(int status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
