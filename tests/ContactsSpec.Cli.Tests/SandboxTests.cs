using System.Diagnostics;
using System.Text.Json;
using ContactsSpec.Cli.Tests.Support;

namespace ContactsSpec.Cli.Tests;

/// <summary>
/// <c>--sandbox</c> starting its own WireMock (no <c>$CONTACTSSPEC_SANDBOX_URL</c>) with the provider's documented
/// answers and the spec's example credentials, and <c>contacts-spec sandbox</c> keeping one running.
/// </summary>
[TestFixture]
public sealed class SandboxTests
{
    [Test]
    public async Task Wazzup_v3_upsert_from_flags_needs_no_account()
    {
        var run = await CliTool.RunAsync("contacts", "upsert", "--provider", "wazzup-v3", "--sandbox",
            "--id", "crm-42", "--name", "Ivan Petrov", "--responsible-user-id", "7", "--chat-type", "whatsapp", "--chat-id", "79001234567");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.StandardOutput, Does.Contain("Contact crm-42 written"));
        Assert.That(run.StandardError, Does.Contain("sandbox: wazzup-v3's documented answers"));
    }

    [Test]
    public async Task Wasms_groups_list_needs_no_account()
    {
        var run = await CliTool.RunAsync("contacts", "groups", "list", "-p", "wasms", "--sandbox", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Json().GetProperty("items").EnumerateArray().Select(group => (group.GetProperty("id").GetString(), group.GetProperty("name").GetString())),
            Is.EqualTo(new[] { ("1", "Friends") }));
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "stops the sandbox with SIGTERM")]
    public async Task The_sandbox_command_serves_every_provider_until_stopped()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { CliTool.DllPath, "sandbox", "-o", "json" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CONTACTSSPEC_REPO"] = CliTool.RepositoryRoot;
        using var sandbox = Process.Start(start)!;
        try
        {
            // The JSON document comes first; the process then waits for a signal.
            var document = new List<string>();
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                while (await sandbox.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                {
                    document.Add(line);
                    if (line == "}")
                    {
                        break;
                    }
                }
            }

            var json = JsonDocument.Parse(string.Join('\n', document)).RootElement;
            var url = json.GetProperty("url").GetString()!;
            Assert.That(json.GetProperty("baseUrls").GetProperty("wasms").GetString(), Is.EqualTo(url + "/api"));

            var list = await CliTool.RunAsync(["contacts", "list", "-p", "wazzup-v2", "--sandbox", "-o", "json"],
                new Dictionary<string, string> { ["CONTACTSSPEC_SANDBOX_URL"] = url }, null);

            Assert.That(list.ExitCode, Is.EqualTo(0), list.ToString());
            Assert.That(list.Json().GetProperty("items")[0].GetProperty("id").GetString(), Is.EqualTo("contacts1"));
            Assert.That(list.StandardError, Does.Contain("$CONTACTSSPEC_SANDBOX_URL"));
        }
        finally
        {
            // SIGTERM, as a service manager stops it: the tool stops WireMock and exits 0.
            using (var signal = Process.Start("kill", ["-TERM", sandbox.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await signal.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await sandbox.WaitForExitAsync(timeout.Token);
        }

        Assert.That(sandbox.ExitCode, Is.EqualTo(0));
    }

    [Test]
    public async Task A_sandbox_url_where_nothing_answers_is_a_usage_error()
    {
        var run = await CliTool.RunAsync(["contacts", "list", "-p", "wazzup-v3", "--sandbox", "-o", "json"],
            new Dictionary<string, string> { ["CONTACTSSPEC_SANDBOX_URL"] = "http://127.0.0.1:1" }, null);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Json().GetProperty("error").GetProperty("message").GetString(), Does.Contain("contacts-spec sandbox"));
    }
}
