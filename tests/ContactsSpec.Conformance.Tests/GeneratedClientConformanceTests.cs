using ContactsSpec.Conformance.Cases;

namespace ContactsSpec.Conformance.Tests;

/// <summary>
/// One test per conformance case and generated client (NSwag's, Kiota's), named provider/operation/status/example:
/// adding an example to a spec adds a test here for each with no new code.
/// </summary>
[TestFixture(ConformanceTarget.NSwagClient)]
[TestFixture(ConformanceTarget.KiotaClient)]
[Parallelizable(ParallelScope.Children)]
public sealed class GeneratedClientConformanceTests(ConformanceTarget target)
{
    private static async IAsyncEnumerable<TestCaseData> Cases()
    {
        foreach (var @case in await ConformanceSuite.CasesAsync())
        {
            yield return new TestCaseData(@case).SetArgDisplayNames(@case.Id);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Generated_client_turns_the_response_into_the_documented_outcome(ConformanceCase @case)
    {
        var result = await ConformanceServer.Runner.RunAsync(@case, target);
        ConformanceServer.Report.Add(result);

        Assert.That(result.Problems, Is.Empty, result.Reason);
    }
}
