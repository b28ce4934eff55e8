using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Reporting;
using ContactsSpec.Conformance.Running;

namespace ContactsSpec.Conformance.Tests;

/// <summary>
/// The README's "Choosing a client" table is the one a full conformance run measures: a change in how a target reads a
/// provider (a new error model, a spec change) shows up here until the README says it too.
/// </summary>
[TestFixture]
public sealed class ClientComparisonTests
{
    private const string Begin = "<!-- client-comparison:begin -->";
    private const string End = "<!-- client-comparison:end -->";

    private string _measured = null!;

    [OneTimeSetUp]
    public async Task RunEveryCaseAsync()
    {
        using var session = ConformanceSession.Start(await ConformanceSuite.SpecsAsync(), ConformanceSuite.ErrorTable);
        var results = await session.RunAllAsync(maxParallelism: 4);
        Assert.That(results.Where(result => !result.Passed).Select(result => $"{result.Case.Id} ({result.Target.DisplayName()}): {result.Reason}"), Is.Empty);
        _measured = ClientComparison.Markdown(results, session.Targets);
    }

    [Test]
    public void The_readme_table_is_the_measured_one()
    {
        var readme = File.ReadAllText(Path.Combine(ConformanceSuite.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.That(start >= 0 && end > start, Is.True, $"README.md has the markers {Begin} and {End}");

        Assert.That(readme[(start + Begin.Length)..end].Trim('\n'), Is.EqualTo(_measured.ReplaceLineEndings("\n").Trim('\n')),
            "README.md's table differs from what the run measured: paste the 'How each target reads each provider' table of artifacts/conformance/report.md");
    }

    [Test]
    public void It_names_what_each_target_hands_its_caller_for_an_error_status()
    {
        var wawpErrors = _measured.Split('\n').Single(line => line.StartsWith("| `wawp` | error status", StringComparison.Ordinal));

        Assert.That(wawpErrors, Does.Contain("`WawpClientException`").And.Contain("`ApiException`").And.Contain("`ContactsException` (Authentication, InvalidInput, ProviderError)"));
    }
}
