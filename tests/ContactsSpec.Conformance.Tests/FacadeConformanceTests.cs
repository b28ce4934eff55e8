using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Invocation;

namespace ContactsSpec.Conformance.Tests;

/// <summary>
/// Every documented response replayed through the facade: a documented error must give the kind, code, status and
/// retryability docs/ERRORS.md lists for it; any other response a result carrying what the body says.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class FacadeConformanceTests
{
    private static async IAsyncEnumerable<TestCaseData> Cases()
    {
        foreach (var @case in await ConformanceSuite.CasesAsync())
        {
            if (FacadeInvoker.IsReachable(@case.Operation))
            {
                yield return new TestCaseData(@case).SetArgDisplayNames(@case.Id);
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Facade_turns_the_response_into_the_documented_outcome(ConformanceCase @case)
    {
        var result = await ConformanceServer.Runner.RunAsync(@case, ConformanceTarget.Facade);
        ConformanceServer.Report.Add(result);

        Assert.That(result.Problems, Is.Empty, result.Reason);
    }

    [Test]
    public async Task Only_the_listed_operations_have_no_facade_call()
    {
        var unreachable = (await ConformanceSuite.SpecsAsync())
            .SelectMany(spec => spec.Operations)
            .Where(operation => !FacadeInvoker.IsReachable(operation))
            .Select(operation => (operation.Spec.Key, operation.Id));

        Assert.That(unreachable, Is.EquivalentTo(FacadeInvoker.Unreachable.Keys));
    }

    [Test]
    public async Task Every_row_of_the_error_table_is_exercised_through_the_facade()
    {
        var cases = (await ConformanceSuite.CasesAsync())
            .Where(@case => @case.Kind == ConformanceCaseKind.Documented && FacadeInvoker.IsReachable(@case.Operation))
            .ToList();

        var unmatched = ConformanceSuite.ErrorTable.Rows.Where(row =>
            !cases.Any(@case => ConformanceSuite.ErrorTable.Match(@case.Provider, @case.Status, @case.ResponseBody) == row));

        Assert.That(unmatched, Is.Empty, "rows of docs/ERRORS.md that no documented response the facade sends exercises");
    }
}
