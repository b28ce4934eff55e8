using ContactsSpec.Conformance.Cases;

namespace ContactsSpec.Conformance.Tests;

/// <summary>
/// One test per conformance case through the Kiota client, named provider/operation/status/example: adding an example to a spec adds a
/// test here with no new code.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class KiotaClientConformanceTests
{
    private static async IAsyncEnumerable<TestCaseData> Cases()
    {
        foreach (var @case in await ConformanceSuite.CasesAsync())
        {
            yield return new TestCaseData(@case).SetArgDisplayNames(@case.Id);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Kiota_client_turns_the_response_into_the_documented_outcome(ConformanceCase @case)
    {
        var result = await ConformanceServer.Runner.RunAsync(@case, ConformanceTarget.KiotaClient);
        ConformanceServer.Report.Add(result);

        Assert.That(result.Problems, Is.Empty, result.Reason);
    }
}
