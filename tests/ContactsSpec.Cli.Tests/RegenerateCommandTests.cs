using System.Text.Json;
using ContactsSpec.Cli.Tests.Support;

namespace ContactsSpec.Cli.Tests;

/// <summary><c>contacts-spec-regenerate</c>: NSwag and Kiota into a temporary folder, the public-surface report, and <c>--check</c> for CI.</summary>
[TestFixture]
public sealed class RegenerateCommandTests
{
    private const string WawpSpec = "specs/wawp/openapi.yaml";
    private const string V3Spec = "specs/wazzup-v3/openapi.yaml";
    private const string KiotaContactName = "generated/ContactsSpec.Clients.Wawp.Kiota/Client/Models/ContactName.cs";
    private const string WawpBaseline = "generated/ContactsSpec.Clients.Wawp/WawpClient.public-api.txt";

    [Test]
    public async Task Check_passes_on_a_clean_tree_and_says_so()
    {
        var run = await CliTool.RegenerateAsync(["--check"]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.StandardOutput, Does.Contain("generated/ is in step with specs/.").And.Contain("WazzupV3Client").And.Contain("WazzupV3KiotaClient").And.Contain("up to date"));
    }

    [Test]
    public async Task Check_as_json_lists_every_client_up_to_date()
    {
        var run = await CliTool.RegenerateAsync(["--check", "--output", "json"]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var json = run.Json();
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("check").GetBoolean(), Is.True);
            Assert.That(json.GetProperty("upToDate").GetBoolean(), Is.True);
            Assert.That(json.GetProperty("clients").EnumerateArray().Select(client => (client.GetProperty("provider").GetString(), client.GetProperty("generator").GetString())),
                Is.EquivalentTo(ContactsProviders.All.SelectMany(provider => new[] { (provider, "nswag"), (provider, "kiota") })));
            Assert.That(json.GetProperty("clients").EnumerateArray().Select(client => client.GetProperty("status").GetString()), Has.All.EqualTo("upToDate"));
        });
    }

    [Test]
    public async Task A_spec_change_is_reported_per_member_with_breaking_changes_marked_and_check_fails_until_regenerated()
    {
        using var repository = new RepositoryCopy();
        // Rename lastName (a removal and an addition), retype ok, and add an optional query parameter (a changed signature).
        repository.Edit(WawpSpec, yaml => yaml
            .Replace("        lastName:\n          type: string\n", "        surname:\n          type: string\n", StringComparison.Ordinal)
            .Replace("        ok:\n          type: boolean", "        ok:\n          type: string", StringComparison.Ordinal)
            .Replace("      requestBody:\n        required: true\n        description: The name to store for the contact.",
                "        - name: label\n          in: query\n          required: false\n          schema:\n            type: string\n          example: vip\n"
                + "      requestBody:\n        required: true\n        description: The name to store for the contact.", StringComparison.Ordinal));
        var committed = File.ReadAllText(repository.PathOf("generated/ContactsSpec.Clients.Wawp/WawpClient.g.cs"));
        var committedKiota = File.ReadAllText(repository.PathOf(KiotaContactName));

        var check = await CliTool.RegenerateAsync(["--check", "--provider", "wawp", "-o", "json"], repository.Root);

        Assert.That(check.ExitCode, Is.EqualTo(1), check.ToString());
        var clients = check.Json().GetProperty("clients").EnumerateArray().ToList();
        var client = clients.Single(candidate => candidate.GetProperty("generator").GetString() == "nswag");
        var kiota = clients.Single(candidate => candidate.GetProperty("generator").GetString() == "kiota");
        var kiotaChanges = kiota.GetProperty("changes").EnumerateArray()
            .Select(change => (Change: change.GetProperty("change").GetString(), Kind: change.GetProperty("kind").GetString(), Member: change.GetProperty("member").GetString(), Breaking: change.GetProperty("breaking").GetBoolean()))
            .ToList();
        var changes = client.GetProperty("changes").EnumerateArray()
            .Select(change => (Change: change.GetProperty("change").GetString(), Kind: change.GetProperty("kind").GetString(), Member: change.GetProperty("member").GetString(), Breaking: change.GetProperty("breaking").GetBoolean()))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(client.GetProperty("status").GetString(), Is.EqualTo("outOfDate"));
            Assert.That(client.GetProperty("breaking").GetBoolean(), Is.True);
            Assert.That(changes, Does.Contain(("removed", "property", "ContactName.LastName", true)));
            Assert.That(changes, Does.Contain(("added", "property", "ContactName.Surname", false)));
            Assert.That(changes, Does.Contain(("changed", "property", "WawpOk.Ok", true)));
            Assert.That(changes, Does.Contain(("changed", "operation", "WawpClient.UpsertContactAsync", true)));
            Assert.That(changes, Does.Contain(("changed", "operation", "IWawpClient.UpsertContactAsync", true)));
            Assert.That(File.ReadAllText(repository.PathOf("generated/ContactsSpec.Clients.Wawp/WawpClient.g.cs")), Is.EqualTo(committed), "--check changes nothing");
            Assert.That(kiota.GetProperty("status").GetString(), Is.EqualTo("outOfDate"));
            Assert.That(kiota.GetProperty("breaking").GetBoolean(), Is.True);
            Assert.That(kiotaChanges, Does.Contain(("removed", "property", "ContactName.LastName", true)));
            Assert.That(kiotaChanges, Does.Contain(("added", "property", "ContactName.Surname", false)));
            Assert.That(kiotaChanges, Does.Contain(("changed", "property", "WawpOk.Ok", true)));
            Assert.That(File.ReadAllText(repository.PathOf(KiotaContactName)), Is.EqualTo(committedKiota), "--check changes nothing in the Kiota folder either");
            Assert.That(Directory.Exists(repository.PathOf("artifacts")) ? Directory.GetDirectories(repository.PathOf("artifacts"), "regenerate-*") : [], Is.Empty, "no scratch folder left behind");
        });
        var changed = client.GetProperty("changes").EnumerateArray().Single(change => change.GetProperty("member").GetString() == "WawpOk.Ok");
        Assert.That((changed.GetProperty("before").GetString(), changed.GetProperty("after").GetString()),
            Is.EqualTo(("public bool Ok { get; set; }", "public string Ok { get; set; }")));

        var regenerate = await CliTool.RegenerateAsync(["--provider", "wawp"], repository.Root);

        Assert.That(regenerate.ExitCode, Is.EqualTo(0), regenerate.ToString());
        Assert.That(regenerate.StandardOutput, Does.Contain("regenerated").And.Contain("removed (breaking)").And.Contain("ContactName.Surname"));
        Assert.That(File.ReadAllText(repository.PathOf("generated/ContactsSpec.Clients.Wawp/WawpClient.g.cs")), Does.Contain("public string? Surname"));
        Assert.That(File.ReadAllText(repository.PathOf(KiotaContactName)), Does.Contain("public string? Surname"));
        var baseline = File.ReadAllLines(repository.PathOf(WawpBaseline));
        Assert.That(baseline, Does.Contain("ContactsSpec.Clients.Wawp.ContactName.Surname: public string? Surname { get; set; }"), "the API change is a change of the baseline's lines");
        Assert.That(baseline, Has.None.StartsWith("ContactsSpec.Clients.Wawp.ContactName.LastName"));

        var again = await CliTool.RegenerateAsync(["--check", "--provider", "wawp"], repository.Root);

        Assert.That(again.ExitCode, Is.EqualTo(0), again.ToString());
    }

    [Test]
    public async Task After_a_build_regenerated_the_clients_the_surface_change_is_reported_against_git_HEAD()
    {
        const string KiotaBaseline = "generated/ContactsSpec.Clients.Wawp.Kiota/WawpKiotaClient.public-api.txt";
        using var repository = new RepositoryCopy();
        await repository.CommitAsync("baseline");
        var baselines = new[] { WawpBaseline, KiotaBaseline }.ToDictionary(path => path, path => File.ReadAllText(repository.PathOf(path)));
        repository.Edit(WawpSpec, yaml => yaml.Replace("        lastName:\n          type: string\n", "        surname:\n          type: string\n", StringComparison.Ordinal));
        // As a build leaves the tree: both clients regenerated in place, their committed baselines not yet rewritten.
        var build = await CliTool.RegenerateAsync(["--provider", "wawp"], repository.Root);
        Assert.That(build.ExitCode, Is.EqualTo(0), build.ToString());
        foreach (var (path, text) in baselines)
        {
            File.WriteAllText(repository.PathOf(path), text);
        }

        var run = await CliTool.RegenerateAsync(["--provider", "wawp", "-o", "json"], repository.Root);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        foreach (var client in run.Json().GetProperty("clients").EnumerateArray())
        {
            var changes = client.GetProperty("changes").EnumerateArray()
                .Select(change => (Change: change.GetProperty("change").GetString(), Member: change.GetProperty("member").GetString()))
                .ToList();
            Assert.Multiple(() =>
            {
                Assert.That(client.GetProperty("baselineChanged").GetBoolean(), Is.True);
                Assert.That(client.GetProperty("breaking").GetBoolean(), Is.True, "LastName is gone since the last commit");
                Assert.That(changes, Does.Contain(("removed", "ContactName.LastName")));
                Assert.That(changes, Does.Contain(("added", "ContactName.Surname")));
            });
        }
    }

    [Test]
    public async Task A_stale_public_API_baseline_fails_the_check_and_regenerate_rewrites_it()
    {
        using var repository = new RepositoryCopy();
        var committed = File.ReadAllText(repository.PathOf(WawpBaseline));
        repository.Edit(WawpBaseline, text => string.Join('\n', text.Split('\n').Skip(1)));

        var check = await CliTool.RegenerateAsync(["--check", "--provider", "wawp", "-o", "json"], repository.Root);

        var client = check.Json().GetProperty("clients").EnumerateArray().Single(candidate => candidate.GetProperty("generator").GetString() == "nswag");
        Assert.Multiple(() =>
        {
            Assert.That(check.ExitCode, Is.EqualTo(1), check.ToString());
            Assert.That(client.GetProperty("status").GetString(), Is.EqualTo("outOfDate"));
            Assert.That(client.GetProperty("baseline").GetString(), Is.EqualTo(WawpBaseline.Replace('/', Path.DirectorySeparatorChar)));
            Assert.That(client.GetProperty("baselineChanged").GetBoolean(), Is.True);
            Assert.That(client.GetProperty("changes").EnumerateArray(), Is.Empty, "the code itself is in step");
        });

        var regenerate = await CliTool.RegenerateAsync(["--provider", "wawp"], repository.Root);

        Assert.That(regenerate.ExitCode, Is.EqualTo(0), regenerate.ToString());
        Assert.That(File.ReadAllText(repository.PathOf(WawpBaseline)), Is.EqualTo(committed));
    }

    [Test]
    public async Task A_spec_edit_lists_the_conformance_cases_it_adds_removes_and_changes_against_git_HEAD()
    {
        using var repository = new RepositoryCopy();
        await repository.CommitAsync("baseline");

        // One example renamed (a case removed, one added) and one example's body changed.
        repository.Edit(V3Spec, yaml => yaml
            .Replace("                too-many-entities:\n", "                too-many-entities-again:\n", StringComparison.Ordinal)
            .Replace("                    error: TOO_MACH_ENTITIES\n                    description: Too mach entities per request.\n                    data:\n                      count: 123",
                "                    error: TOO_MACH_ENTITIES\n                    description: Too mach entities per request.\n                    data:\n                      count: 150", StringComparison.Ordinal));

        var run = await CliTool.RegenerateAsync(["--check", "--provider", "wazzup-v3", "-o", "json"], repository.Root);

        // Kiota's lock file records a hash of the whole spec, so --check also reports the Kiota client out of date.
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        var cases = run.Json().GetProperty("cases").EnumerateArray().Single();
        string[] Ids(string name) => [.. cases.GetProperty(name).EnumerateArray().Select(id => id.GetString()!)];
        Assert.Multiple(() =>
        {
            Assert.That(cases.GetProperty("baseline").GetString(), Is.EqualTo("git HEAD"));
            Assert.That(Ids("added"), Is.EqualTo(new[] { "wazzup-v3/upsertContacts/400/too-many-entities-again" }));
            Assert.That(Ids("removed"), Is.EqualTo(new[] { "wazzup-v3/upsertContacts/400/too-many-entities" }));
            Assert.That(Ids("changed"), Is.EqualTo(new[] { "wazzup-v3/upsertContacts/400/too-mach-entities" }));
        });
    }

    [Test]
    public async Task Outside_a_git_checkout_the_case_changes_say_there_is_no_baseline()
    {
        using var repository = new RepositoryCopy();

        var run = await CliTool.RegenerateAsync(["--check", "--provider", "wawp", "-o", "json"], repository.Root);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var cases = run.Json().GetProperty("cases").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(cases.GetProperty("provider").GetString(), Is.EqualTo("wawp"));
            Assert.That(cases.TryGetProperty("baseline", out _), Is.False, "no baseline, left out as every null is");
            Assert.That(run.StandardOutput, Does.Not.Contain("\"added\": [\""), "nothing listed without a baseline");
        });
    }
}
