using System.Text.Json;
using ContactsSpec.Cli.Tests.Support;

namespace ContactsSpec.Cli.Tests;

/// <summary>
/// Every <c>contacts</c> command with <c>--sandbox</c>, answered by the shared test server (as with
/// <c>contacts-spec sandbox</c> running): the table and JSON shapes, per provider and operation it supports.
/// </summary>
[TestFixture]
public sealed class ContactsCommandTests
{
    private static Task<CliRun> SandboxAsync(string provider, params string[] arguments) =>
        CliTool.RunInSharedSandboxAsync([.. arguments, "-p", provider, "--sandbox"]);

    [Test]
    public async Task Wazzup_v3_list_as_json_gives_every_contact_with_its_channels()
    {
        var run = await SandboxAsync("wazzup-v3", "contacts", "list", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var json = run.Json();
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("provider").GetString(), Is.EqualTo("wazzup-v3"));
            Assert.That(json.GetProperty("count").GetInt32(), Is.EqualTo(2));
            var first = json.GetProperty("items")[0];
            Assert.That(first.GetProperty("id").GetString(), Is.EqualTo("1"));
            Assert.That(first.GetProperty("responsibleUserId").GetString(), Is.EqualTo("1"));
            Assert.That(first.GetProperty("channels")[0].GetProperty("chatType").GetString(), Is.EqualTo("whatsapp"));
            Assert.That(first.GetProperty("channels")[0].GetProperty("chatId").GetString(), Is.EqualTo("79991114433"));
            Assert.That(first.GetProperty("groups").GetArrayLength(), Is.Zero);
            Assert.That(first.TryGetProperty("email", out _), Is.False, "unset fields are left out");
        });
    }

    [Test]
    public async Task Wazzup_v3_list_as_a_table_stops_at_the_limit()
    {
        var run = await SandboxAsync("wazzup-v3", "contacts", "list", "--limit", "1");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.StandardOutput, Does.Contain("1 contact (wazzup-v3)").And.Contain("whatsapp:79991114433").And.Not.Contain("79884447788"));
    }

    [Test]
    public async Task An_empty_list_says_so_in_one_line_instead_of_an_empty_table()
    {
        var run = await CliTool.RunAsync(
            "contacts", "list", "-p", "wazzup-v3", "--base-url", CliTestServer.BaseUrl("wazzup-v3", CliTestServer.EmptyList), "--allow-insecure-http", "--api-key", "key-1");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            Assert.That(run.StandardOutput.Trim(), Is.EqualTo("No contacts (wazzup-v3)."));
        });
    }

    [Test]
    public async Task Wazzup_v3_get_as_a_table()
    {
        var run = await SandboxAsync("wazzup-v3", "contacts", "get", "111-2e0df379-0e3c-470f-9b36");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.StandardOutput, Does.Contain("Contact (wazzup-v3)").And.Contain("whatsapp:79991114433").And.Contain("111-2e0df379-0e3c-470f-9b36"));
    }

    [Test]
    public async Task Wazzup_v3_upsert_whole_as_json()
    {
        var contact = """{"id":"crm-7","name":"Ivan","responsibleUserId":"3","channels":[{"chatType":"telegram","chatId":"123","username":"ivan"}]}""";
        var run = await SandboxAsync("wazzup-v3", "contacts", "upsert", "--json", contact, "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var json = run.Json();
        Assert.That((json.GetProperty("provider").GetString(), json.GetProperty("id").GetString(), json.GetProperty("outcome").GetString(), json.GetProperty("notStored").GetArrayLength()),
            Is.EqualTo(("wazzup-v3", "crm-7", "written", 0)));
    }

    [Test]
    public async Task Wazzup_v3_delete_one_and_many()
    {
        var one = await SandboxAsync("wazzup-v3", "contacts", "delete", "crm-1");
        var many = await SandboxAsync("wazzup-v3", "contacts", "delete", "crm-1", "crm-2", "-o", "json");

        Assert.Multiple(() =>
        {
            Assert.That(one.ExitCode, Is.EqualTo(0), one.ToString());
            Assert.That(one.StandardOutput, Does.Contain("Deleted crm-1 at wazzup-v3."));
            Assert.That(many.ExitCode, Is.EqualTo(0), many.ToString());
            Assert.That(many.Json().GetProperty("deleted").EnumerateArray().Select(id => id.GetString()), Is.EqualTo(new[] { "crm-1", "crm-2" }));
            Assert.That(many.Json().GetProperty("failed").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task Wazzup_v3_import_validates_every_row_sends_the_valid_ones_and_writes_the_rest_with_reasons()
    {
        using var folder = new TemporaryFolder();
        var input = folder.File("contacts.csv", """
            id,name,responsibleUserId,chatType,chatId,web
            crm-1,Ivan Petrov,7,whatsapp,79001234567,https://crm.example.com/1
            crm-2,Anna,7,telegram,anna_tg,
            crm-3,No channel,7,,,
            crm-1,Same id again,7,whatsapp,79001112233,
            crm-5,Letters in the chat id,7,whatsapp,7900abc,

            """);

        var run = await SandboxAsync("wazzup-v3", "contacts", "import", input, "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
        var json = run.Json();
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("rows").GetInt32(), Is.EqualTo(5));
            Assert.That(json.GetProperty("valid").GetInt32(), Is.EqualTo(2));
            Assert.That(json.GetProperty("sent").GetInt32(), Is.EqualTo(2));
            Assert.That(json.GetProperty("succeeded").GetInt32(), Is.EqualTo(2));
            Assert.That(json.GetProperty("invalid").GetInt32(), Is.EqualTo(3));
            Assert.That(json.GetProperty("rejected").EnumerateArray().Select(row => row.GetProperty("line").GetInt32()), Is.EqualTo(new[] { 4, 5, 6 }));
            Assert.That(json.GetProperty("rejected")[1].GetProperty("reason").GetString(), Does.Contain("repeats line 2's id"));
            Assert.That(json.GetProperty("rejectedFile").GetString(), Is.EqualTo(Path.Combine(folder.Path, "contacts.rejected.csv")));
        });
        var rejected = File.ReadAllLines(Path.Combine(folder.Path, "contacts.rejected.csv"));
        Assert.That(rejected, Has.Length.EqualTo(4));
        Assert.That(rejected[0], Is.EqualTo("id,name,responsibleUserId,chatType,chatId,web,_line,_reason"));
        Assert.That(rejected[1], Does.StartWith("crm-3,No channel,7,,,,4,validation: Channels: at least one channel is required"));
    }

    [Test]
    public async Task Wamm_upsert_reports_created()
    {
        var run = await SandboxAsync("wamm", "contacts", "upsert", "--phone", "79001234567", "--name", "Ivan Petrov", "--email", "ivan@example.com", "--notes", "New client");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.StandardOutput, Does.Contain("Contact 79001234567 created at wamm."));
    }

    [Test]
    public async Task Wamm_upsert_whole_from_a_json_file()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("contact.json", "{\n  \"phone\": \"79001234567\",\n  \"name\": \"Ivan Petrov\",\n  \"notes\": \"New client, met at the fair\"\n}\n");

        var run = await SandboxAsync("wamm", "contacts", "upsert", "--json", "@" + file, "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Json().GetProperty("id").GetString(), Is.EqualTo("79001234567"));
    }

    [Test]
    public async Task Wamm_get_as_json()
    {
        var run = await SandboxAsync("wamm", "contacts", "get", "79001234567", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var contact = run.Json();
        Assert.Multiple(() =>
        {
            Assert.That(contact.GetProperty("phone").GetString(), Is.EqualTo("79001234567"));
            Assert.That(contact.GetProperty("name").GetString(), Is.EqualTo("Ivan Petrov"));
            Assert.That(contact.GetProperty("email").GetString(), Is.EqualTo("ivan@example.com"));
            Assert.That(contact.GetProperty("notes").GetString(), Is.EqualTo("New client"));
            Assert.That(contact.GetProperty("channels").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task Wamm_delete()
    {
        var run = await SandboxAsync("wamm", "contacts", "delete", "79001234567", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Json().GetProperty("deleted")[0].GetString(), Is.EqualTo("79001234567"));
    }

    [Test]
    public async Task Wamm_import_of_json_lines_imports_every_valid_row()
    {
        using var folder = new TemporaryFolder();
        var input = folder.File("contacts.jsonl", """
            {"phone":"79001234567","name":"Ivan Petrov","email":"ivan@example.com","notes":"New client"}

            {"phone":79001112233,"name":"Anna"}
            """);

        var run = await SandboxAsync("wamm", "contacts", "import", input);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.StandardOutput, Does.Contain("Every row was imported."));
        Assert.That(File.Exists(Path.Combine(folder.Path, "contacts.rejected.jsonl")), Is.False, "no rejected file when nothing was rejected");
    }

    [Test]
    public async Task Wamm_import_validate_only_sends_nothing_and_names_each_bad_row()
    {
        using var folder = new TemporaryFolder();
        var input = folder.File("contacts.jsonl", """
            {"phone":"79001234567","name":"Ivan Petrov"}
            {"phone":"79005556677","name":"Bob","groups":"5"}
            not json
            {"phone":"79007778899","name":"Typo","emial":"x@example.com"}
            """);
        var rejectedPath = Path.Combine(folder.Path, "out", "bad.jsonl");

        var run = await SandboxAsync("wamm", "contacts", "import", input, "--validate-only", "--rejected", rejectedPath, "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
        var json = run.Json();
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("validateOnly").GetBoolean(), Is.True);
            Assert.That((json.GetProperty("valid").GetInt32(), json.GetProperty("sent").GetInt32(), json.GetProperty("succeeded").GetInt32()), Is.EqualTo((1, 0, 0)));
            Assert.That(json.GetProperty("rejected").EnumerateArray().Select(row => (row.GetProperty("line").GetInt32(), row.GetProperty("stage").GetString())),
                Is.EqualTo(new[] { (2, "validation"), (3, "read"), (4, "read") }));
        });
        var lines = File.ReadAllLines(rejectedPath).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(3));
            Assert.That(lines[0].GetProperty("groups").GetString(), Is.EqualTo("5"), "the row as it was read");
            Assert.That(lines[0].GetProperty("_reason").GetString(), Does.Contain("Groups: wamm cannot store this field"));
            Assert.That(lines[1].GetProperty("_raw").GetString(), Is.EqualTo("not json"));
            Assert.That(lines[2].GetProperty("_reason").GetString(), Does.Contain("unknown field 'emial'"));
        });
    }

    [Test]
    public async Task Wamm_has_no_list()
    {
        var run = await SandboxAsync("wamm", "contacts", "list", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Json().GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("NotSupported"));
    }

    [Test]
    public async Task Wasms_list_as_a_table()
    {
        var run = await SandboxAsync("wasms", "contacts", "list");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.StandardOutput, Does.Contain("2 contacts (wasms)").And.Contain("Terry Bom").And.Contain("+639206150514").And.Contain("1, 9, 10, 11"));
    }

    [Test]
    public async Task Wasms_groups_list_create_and_delete()
    {
        var list = await SandboxAsync("wasms", "contacts", "groups", "list");
        var create = await SandboxAsync("wasms", "contacts", "groups", "create", "VIP", "-o", "json");
        var delete = await SandboxAsync("wasms", "contacts", "groups", "delete", "5");

        Assert.Multiple(() =>
        {
            Assert.That(list.ExitCode, Is.EqualTo(0), list.ToString());
            Assert.That(list.StandardOutput, Does.Contain("1 group (wasms)").And.Contain("Friends"));
            Assert.That(create.ExitCode, Is.EqualTo(0), create.ToString());
            Assert.That((create.Json().GetProperty("action").GetString(), create.Json().GetProperty("group").GetString()), Is.EqualTo(("created", "VIP")));
            Assert.That(delete.ExitCode, Is.EqualTo(0), delete.ToString());
            Assert.That(delete.StandardOutput, Does.Contain("Group 5 deleted at wasms."));
        });
    }

    [Test]
    public async Task Wasms_upsert_and_delete()
    {
        var upsert = await SandboxAsync("wasms", "contacts", "upsert", "--phone", "+923012345678", "--name", "Martin Crater", "--group", "1", "--group", "2", "-o", "json");
        var delete = await SandboxAsync("wasms", "contacts", "delete", "2", "3", "-o", "json");

        Assert.Multiple(() =>
        {
            Assert.That(upsert.ExitCode, Is.EqualTo(0), upsert.ToString());
            Assert.That(upsert.Json().GetProperty("id").ValueKind, Is.EqualTo(JsonValueKind.Null), "WaSMS assigns ids it does not return");
            Assert.That(upsert.Json().GetProperty("outcome").GetString(), Is.EqualTo("created"));
            Assert.That(delete.ExitCode, Is.EqualTo(0), delete.ToString());
            Assert.That(delete.Json().GetProperty("deleted").GetArrayLength(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Wasms_upsert_without_a_group()
    {
        // The page does not make groups required, so the tool must not refuse a contact without one.
        var upsert = await SandboxAsync("wasms", "contacts", "upsert", "--phone", "+923012345678", "--name", "Martin Crater", "-o", "json");

        Assert.Multiple(() =>
        {
            Assert.That(upsert.ExitCode, Is.EqualTo(0), upsert.ToString());
            Assert.That(upsert.Json().GetProperty("outcome").GetString(), Is.EqualTo("created"));
        });
    }

    [Test]
    public async Task Wasms_import_of_csv_with_groups()
    {
        using var folder = new TemporaryFolder();
        var input = folder.File("wasms.csv", "phone;name;groups\n+923012345678;Martin Crater;1,2\n+923019876543;Anna;1\n");

        var run = await SandboxAsync("wasms", "contacts", "import", input, "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Json().GetProperty("succeeded").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Wawp_and_wazzup_v2_upsert()
    {
        var wawp = await SandboxAsync("wawp", "contacts", "upsert", "--id", "79001234567@c.us", "--first-name", "Ivan", "--last-name", "Petrov", "-o", "json");
        var wazzup = await SandboxAsync("wazzup-v2", "contacts", "upsert", "--id", "contacts1", "--name", "TestContact", "--responsible-user-id", "1",
            "--chat-type", "whatsapp", "--chat-id", "37199999999", "--web", "https://crm.example.com/contacts/1", "-o", "json");

        Assert.Multiple(() =>
        {
            Assert.That(wawp.ExitCode, Is.EqualTo(0), wawp.ToString());
            Assert.That(wazzup.ExitCode, Is.EqualTo(0), wazzup.ToString());
        });
    }

    [Test]
    public async Task A_rejected_csv_file_can_be_imported_again_once_fixed()
    {
        using var folder = new TemporaryFolder();
        var input = folder.File("again.csv", "phone,name,_line,_reason\n79001234567,Ivan,4,validation: Name: is required\n");

        var run = await SandboxAsync("wamm", "contacts", "import", input, "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Json().GetProperty("succeeded").GetInt32(), Is.EqualTo(1));
    }

    [TestCase("file")]
    [TestCase("stdin")]
    [TestCase("file variable")]
    public async Task A_credential_can_come_from_a_file_or_standard_input_and_is_never_printed(string source)
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("api-key", CliTestServer.EnvironmentApiKey + "\n");
        string[] arguments = ["contacts", "get", "env-1", "-p", "wazzup-v3", "--base-url", CliTestServer.BaseUrl("wazzup-v3", CliTestServer.RequiresApiKey), "--allow-insecure-http", "-o", "json"];

        var run = source switch
        {
            "file" => await CliTool.RunAsync([.. arguments, "--api-key", "@" + file], null, null),
            "stdin" => await CliTool.RunAsync([.. arguments, "--api-key", "-"], null, null, standardInput: CliTestServer.EnvironmentApiKey + "\n"),
            _ => await CliTool.RunAsync(arguments, new Dictionary<string, string> { ["CONTACTSSPEC_WAZZUP_V3_API_KEY_FILE"] = file }, null),
        };

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            Assert.That(run.StandardOutput + run.StandardError, Does.Not.Contain(CliTestServer.EnvironmentApiKey));
        });
    }

    [Test]
    public async Task A_credential_file_that_cannot_be_read_is_a_usage_error_naming_the_file()
    {
        var run = await CliTool.RunAsync("contacts", "list", "-p", "wazzup-v3", "--sandbox", "--api-key", "@/no/such/api-key");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.StandardError, Does.Contain("--api-key").And.Contain("/no/such/api-key"));
        });
    }

    [Test]
    public async Task Credentials_come_from_the_environment_and_are_never_printed()
    {
        var run = await CliTool.RunAsync(
            ["contacts", "get", "env-1", "-p", "wazzup-v3", "--base-url", CliTestServer.BaseUrl("wazzup-v3", CliTestServer.RequiresApiKey), "--allow-insecure-http", "-o", "json"],
            new Dictionary<string, string> { ["CONTACTSSPEC_WAZZUP_V3_API_KEY"] = CliTestServer.EnvironmentApiKey },
            null);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Json().GetProperty("name").GetString(), Is.EqualTo("From the environment"));
        Assert.That(run.StandardOutput + run.StandardError, Does.Not.Contain(CliTestServer.EnvironmentApiKey));
    }
}
