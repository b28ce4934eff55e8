using ContactsSpec.Cli.Tests.Support;

namespace ContactsSpec.Cli.Tests;

/// <summary>
/// The tool outside a checkout, as an installed tool runs: the specs travel inside it, so <c>conformance</c> and
/// <c>--sandbox</c> work from any folder; the maintainers' <c>contacts-spec-regenerate</c> says it needs a checkout;
/// <c>--specs</c> replays other specs and says which differ from the built-in ones.
/// </summary>
[TestFixture]
public sealed class StandaloneToolTests
{
    [Test]
    public async Task Conformance_outside_a_checkout_replays_the_built_in_specs_and_writes_its_reports_here()
    {
        using var folder = new TemporaryFolder();

        var run = await CliTool.RunOutsideCheckoutAsync(folder.Path, "conformance", "--provider", "wawp", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var json = run.Json();
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("specs").GetString(), Is.EqualTo("the specs built into contacts-spec"));
            Assert.That(json.GetProperty("passedCases").GetInt32(), Is.EqualTo(27));
            Assert.That(File.Exists(Path.Combine(folder.Path, "artifacts", "conformance", "junit.xml")), Is.True, "reports under the current folder");
            Assert.That(run.StandardError, Does.Not.Contain("differ"));
        });
    }

    [Test]
    public async Task Sandbox_list_outside_a_checkout_prints_the_documented_contacts()
    {
        using var folder = new TemporaryFolder();

        var run = await CliTool.RunOutsideCheckoutAsync(folder.Path, "contacts", "list", "-p", "wazzup-v3", "--sandbox", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Json().GetProperty("items").EnumerateArray().Select(item => item.GetProperty("name").GetString()), Is.EqualTo(new[] { "3301", "3302" }));
    }

    [Test]
    public async Task The_tool_has_no_regenerate_command_it_is_the_maintainers_program()
    {
        var run = await CliTool.RunAsync("regenerate", "--check");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
    }

    [Test]
    public async Task Regeneration_outside_a_checkout_is_a_usage_error_that_says_so()
    {
        using var folder = new TemporaryFolder();

        var run = await CliTool.RegenerateAsync(["--check"], outsideFolder: folder.Path);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.StandardError, Does.Contain("`contacts-spec-regenerate` works on a ContactsSpec checkout"));
    }

    [Test]
    public async Task Specs_from_another_folder_are_replayed_and_the_differing_ones_named()
    {
        using var folder = new TemporaryFolder();
        var specs = Path.Combine(folder.Path, "specs");
        foreach (var provider in new[] { "wawp", "wamm" })
        {
            Directory.CreateDirectory(Path.Combine(specs, provider));
            File.Copy(Path.Combine(CliTool.RepositoryRoot, "specs", provider, "openapi.yaml"), Path.Combine(specs, provider, "openapi.yaml"));
        }

        // A maintainer's edit that changes no case: a longer summary.
        var edited = Path.Combine(specs, "wawp", "openapi.yaml");
        File.WriteAllText(edited, File.ReadAllText(edited).Replace("summary: Create or update an address-book contact", "summary: Create or update an address-book contact (edited)", StringComparison.Ordinal));

        var run = await CliTool.RunOutsideCheckoutAsync(folder.Path, "conformance", "--provider", "wawp", "--specs", specs, "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.StandardError, Does.Contain("the specs of wawp in").And.Contain("differ from the ones this tool's clients were generated from"));
        Assert.That(run.StandardError, Does.Not.Contain("wamm,").And.Not.Contain("of wamm"), "an unchanged spec is not named");
        Assert.That(run.Json().GetProperty("specs").GetString(), Is.EqualTo($"the specs in {specs}"));
    }
}
