using System.Text.Json;
using ContactsSpec.Cli.Tests.Support;

namespace ContactsSpec.Cli.Tests;

/// <summary><c>regenerate</c>: NSwag into a temporary folder, the public-surface report, and <c>--check</c> for CI.</summary>
[TestFixture]
public sealed class RegenerateCommandTests
{
    private const string WawpSpec = "specs/wawp/openapi.yaml";

    [Test]
    public async Task Check_passes_on_a_clean_tree_and_says_so()
    {
        var run = await CliTool.RunAsync("regenerate", "--check");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.StandardOutput, Does.Contain("generated/ is in step with specs/.").And.Contain("WazzupV3Client").And.Contain("up to date"));
    }

    [Test]
    public async Task Check_as_json_lists_every_client_up_to_date()
    {
        var run = await CliTool.RunAsync("regenerate", "--check", "--output", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var json = run.Json();
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("check").GetBoolean(), Is.True);
            Assert.That(json.GetProperty("upToDate").GetBoolean(), Is.True);
            Assert.That(json.GetProperty("clients").EnumerateArray().Select(client => client.GetProperty("provider").GetString()),
                Is.EquivalentTo(ContactsProviders.All));
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

        var check = await CliTool.RunAsync(["regenerate", "--check", "--provider", "wawp", "-o", "json"], null, repository.Root);

        Assert.That(check.ExitCode, Is.EqualTo(1), check.ToString());
        var client = check.Json().GetProperty("clients")[0];
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
        });
        var changed = client.GetProperty("changes").EnumerateArray().Single(change => change.GetProperty("member").GetString() == "WawpOk.Ok");
        Assert.That((changed.GetProperty("before").GetString(), changed.GetProperty("after").GetString()),
            Is.EqualTo(("public bool Ok { get; set; }", "public string Ok { get; set; }")));

        var regenerate = await CliTool.RunAsync(["regenerate", "--provider", "wawp"], null, repository.Root);

        Assert.That(regenerate.ExitCode, Is.EqualTo(0), regenerate.ToString());
        Assert.That(regenerate.StandardOutput, Does.Contain("regenerated").And.Contain("removed (breaking)").And.Contain("ContactName.Surname"));
        Assert.That(File.ReadAllText(repository.PathOf("generated/ContactsSpec.Clients.Wawp/WawpClient.g.cs")), Does.Contain("public string? Surname"));

        var again = await CliTool.RunAsync(["regenerate", "--check", "--provider", "wawp"], null, repository.Root);

        Assert.That(again.ExitCode, Is.EqualTo(0), again.ToString());
    }
}
