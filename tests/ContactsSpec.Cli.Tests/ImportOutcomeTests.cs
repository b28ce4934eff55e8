using System.Text.Json;
using ContactsSpec.Cli.Tests.Support;

namespace ContactsSpec.Cli.Tests;

/// <summary>
/// <c>contacts import</c>'s files: the rejected file holds only rows certainly not written, in the input's CSV
/// separator and only when there are any; rows whose outcome is unknown go to a file of their own, and the exit
/// code says so first.
/// </summary>
[TestFixture]
public sealed class ImportOutcomeTests
{
    private const string Secret = "wasms-secret-4d1c77";

    private static Task<CliRun> WasmsWentWrongAsync(params string[] arguments) =>
        CliTool.RunAsync([.. arguments, "-p", "wasms", "--base-url", CliTestServer.BaseUrl("wasms", CliTestServer.WasmsWentWrong), "--allow-insecure-http", "--secret", Secret]);

    [Test]
    public async Task Rows_that_may_have_been_created_go_to_the_unknown_file_not_the_rejected_one()
    {
        using var folder = new TemporaryFolder();
        var input = folder.File("wasms.csv", "phone;name;groups\n+923012345678;Martin Crater;1\n+923019876543;Anna;1\n+923011112222;;1\n");

        var run = await WasmsWentWrongAsync("contacts", "import", input, "-o", "json");

        var json = run.Json();
        var rejected = File.ReadAllLines(Path.Combine(folder.Path, "wasms.rejected.csv"));
        var unknown = File.ReadAllLines(Path.Combine(folder.Path, "wasms.unknown.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(6), run.ToString());
            Assert.That(json.GetProperty("outcomeUnknown").GetInt32(), Is.EqualTo(2));
            Assert.That(json.GetProperty("failed").GetInt32(), Is.Zero);
            Assert.That(json.GetProperty("invalid").GetInt32(), Is.EqualTo(1));
            Assert.That(json.GetProperty("succeeded").GetInt32(), Is.Zero);
            Assert.That(json.GetProperty("outcomeUnknownFile").GetString(), Is.EqualTo(Path.Combine(folder.Path, "wasms.unknown.csv")));
            Assert.That(json.GetProperty("outcomeUnknownRows").EnumerateArray().Select(row => row.GetProperty("line").GetInt32()), Is.EqualTo(new[] { 2, 3 }));
            Assert.That(json.GetProperty("outcomeUnknownRows")[0].GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("OutcomeUnknown"));
            Assert.That(json.GetProperty("rejected").EnumerateArray().Select(row => row.GetProperty("line").GetInt32()), Is.EqualTo(new[] { 4 }));
            Assert.That(rejected, Has.Length.EqualTo(2), "the header and the one invalid row");
            Assert.That(rejected[0], Is.EqualTo("phone;name;groups;_line;_reason"), "the input's separator");
            Assert.That(rejected[1], Does.StartWith("+923011112222;;1;4;validation:"));
            Assert.That(unknown, Has.Length.EqualTo(3));
            Assert.That(unknown[1], Does.StartWith("+923012345678;Martin Crater;1;2;\"unknown: OutcomeUnknown, code 'Something went wrong!'"));
            Assert.That(run.StandardOutput + run.StandardError, Does.Not.Contain(Secret));
        });
    }

    [Test]
    public async Task The_table_output_lists_unknown_rows_apart_and_says_to_check_them()
    {
        using var folder = new TemporaryFolder();
        var input = folder.File("wasms.csv", "phone,name,groups\n+923012345678,Martin Crater,1\n");

        var run = await WasmsWentWrongAsync("contacts", "import", input);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(6), run.ToString());
            Assert.That(run.StandardOutput, Does.Contain("Rows that may or may not have been imported").And.Contain("check each at the provider"));
            Assert.That(run.StandardOutput, Does.Not.Contain("Rows not imported"));
            Assert.That(File.Exists(Path.Combine(folder.Path, "wasms.rejected.csv")), Is.False, "nothing was certainly rejected");
            Assert.That(run.StandardOutput.Split('\n').Where(line => line.Contains('│')).Max(line => line.Length), Is.LessThanOrEqualTo(120), "tables stay readable in a file");
        });
    }

    [Test]
    public async Task A_single_upsert_whose_outcome_is_unknown_exits_with_6()
    {
        var run = await WasmsWentWrongAsync("contacts", "upsert", "--phone", "+923012345678", "--name", "Martin", "--group", "1", "-o", "json");

        var error = run.Json().GetProperty("error");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(6), run.ToString());
            Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo("OutcomeUnknown"));
            Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("Something went wrong!"));
            Assert.That(error.GetProperty("retryable").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task An_unknown_file_is_never_overwritten_nor_removed_by_a_later_run()
    {
        using var folder = new TemporaryFolder();
        var input = folder.File("wasms.csv", "phone,name,groups\n+923012345678,Martin Crater,1\n");
        var first = Path.Combine(folder.Path, "wasms.unknown.csv");

        await WasmsWentWrongAsync("contacts", "import", input);
        var recorded = File.ReadAllText(first);
        var validateOnly = await WasmsWentWrongAsync("contacts", "import", input, "--validate-only");
        var again = await WasmsWentWrongAsync("contacts", "import", input, "-o", "json");

        Assert.Multiple(() =>
        {
            Assert.That(validateOnly.ExitCode, Is.EqualTo(0), validateOnly.ToString());
            Assert.That(File.ReadAllText(first), Is.EqualTo(recorded), "the first run's record stays as it was");
            Assert.That(again.Json().GetProperty("outcomeUnknownFile").GetString(), Is.EqualTo(Path.Combine(folder.Path, "wasms.unknown.2.csv")));
        });
    }

    [Test]
    public async Task Importing_an_unknown_file_never_writes_over_it()
    {
        using var folder = new TemporaryFolder();
        var input = folder.File("wasms.unknown.csv", "phone,name,groups,_line,_reason\n+923012345678,Martin Crater,1,2,unknown: checked and not there\n");
        var before = File.ReadAllText(input);

        var run = await WasmsWentWrongAsync("contacts", "import", input, "--rejected", Path.Combine(folder.Path, "wasms.rejected.csv"), "-o", "json");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(6), run.ToString());
            Assert.That(File.ReadAllText(input), Is.EqualTo(before));
            Assert.That(run.Json().GetProperty("outcomeUnknownFile").GetString(), Is.EqualTo(Path.Combine(folder.Path, "wasms.unknown.2.csv")));
        });
    }

    [Test]
    public async Task An_import_with_nothing_rejected_writes_no_rejected_file_and_removes_an_old_one()
    {
        using var folder = new TemporaryFolder();
        var input = folder.File("wamm.csv", "phone;name\n79001234567;Ivan\n");
        var stale = folder.File("wamm.rejected.csv", "phone;name;_line;_reason\n79001234567;;2;validation: Name: is required\n");

        var run = await CliTool.RunInSharedSandboxAsync("contacts", "import", input, "-p", "wamm", "--sandbox", "-o", "json");

        var json = run.Json();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            Assert.That(json.TryGetProperty("rejectedFile", out _), Is.False);
            Assert.That(json.GetProperty("rejected").GetArrayLength(), Is.Zero);
            Assert.That(File.Exists(stale), Is.False, "a file from an earlier run would describe rows this run imported");
        });
    }

    [Test]
    public async Task Rejected_rows_cannot_overwrite_the_input()
    {
        using var folder = new TemporaryFolder();
        var input = folder.File("wamm.csv", "phone,name\n79001234567,Ivan\n");

        var run = await CliTool.RunInSharedSandboxAsync("contacts", "import", input, "--rejected", input, "-p", "wamm", "--sandbox");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(File.ReadAllText(input), Is.EqualTo("phone,name\n79001234567,Ivan\n"));
        });
    }
}
