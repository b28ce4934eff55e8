using System.Text.Json;
using ContactsSpec.Cli.Tests.Support;

namespace ContactsSpec.Cli.Tests;

/// <summary>
/// The scriptable contract: 0 success, 2 usage, 3 invalid input, 4 provider error, 5 transport; with
/// <c>--output json</c>, the error as <c>{"error":{"kind","code","status","message"}}</c> on standard output.
/// </summary>
[TestFixture]
public sealed class ExitCodeTests
{
    private const string ApiKey = "secret-api-key-7f3a91";

    [Test]
    public async Task An_unknown_option_is_a_usage_error_with_a_hint()
    {
        var run = await CliTool.RunAsync("contacts", "list", "-p", "wazzup-v3", "--no-such-option");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.StandardError, Does.Contain("usage error").And.Contain("--no-such-option").And.Contain("contacts-spec contacts list --help"));
        Assert.That(run.StandardOutput, Is.Empty);
    }

    [TestCase("--retries", "abc", "contacts", "list", "-p", "wazzup-v3", "--sandbox")]
    [TestCase("--timeout", "abc", "contacts", "list", "-p", "wazzup-v3", "--sandbox")]
    [TestCase("--parallel", "abc", "conformance", "-p", "wawp")]
    [TestCase("--limit", "abc", "contacts", "list", "-p", "wazzup-v3", "--sandbox")]
    [TestCase("--limit", "-1", "contacts", "list", "-p", "wazzup-v3", "--sandbox")]
    [TestCase("--retries", "-1", "contacts", "list", "-p", "wazzup-v3", "--sandbox")]
    [TestCase("--timeout", "0", "contacts", "list", "-p", "wazzup-v3", "--sandbox")]
    [TestCase("--parallel", "0", "conformance", "-p", "wawp")]
    public async Task A_number_option_that_is_not_a_usable_number_is_a_usage_error_naming_it(string option, string value, params string[] command)
    {
        var run = await CliTool.RunAsync([.. command, option, value]);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.StandardError, Does.Contain(option).And.Not.Contain("Unhandled exception"));
    }

    [Test]
    public async Task A_missing_provider_is_a_usage_error_as_json()
    {
        var run = await CliTool.RunAsync("contacts", "get", "42", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        var error = run.Json().GetProperty("error");
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo("Usage"));
            Assert.That(error.GetProperty("message").GetString(), Does.Contain("--provider"));
            Assert.That(error.GetProperty("code").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(error.GetProperty("status").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task A_missing_credential_names_its_flag_and_variable()
    {
        var run = await CliTool.RunAsync("contacts", "list", "-p", "wazzup-v3", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Json().GetProperty("error").GetProperty("message").GetString(), Does.Contain("--api-key").And.Contain("CONTACTSSPEC_WAZZUP_V3_API_KEY"));
    }

    [Test]
    public async Task Another_providers_credential_flag_is_a_usage_error()
    {
        var run = await CliTool.RunAsync("contacts", "list", "-p", "wazzup-v3", "--secret", "x", "--api-key", ApiKey);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.StandardError, Does.Contain("--secret does not apply to wazzup-v3"));
    }

    [Test]
    public async Task Plain_http_needs_allow_insecure_http()
    {
        var run = await CliTool.RunAsync("contacts", "list", "-p", "wazzup-v3", "--api-key", ApiKey, "--base-url", CliTestServer.BaseUrl("wazzup-v3"));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.StandardError, Does.Contain("--allow-insecure-http"));
    }

    [Test]
    public async Task An_operation_the_provider_lacks_is_a_usage_error()
    {
        var run = await CliTool.RunAsync("contacts", "list", "-p", "wamm", "--token", "t", "--base-url", CliTestServer.BaseUrl("wamm"), "--allow-insecure-http", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Json().GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("NotSupported"));
    }

    [Test]
    public async Task Invalid_input_exits_3_with_field_errors()
    {
        var run = await CliTool.RunAsync("contacts", "upsert", "-p", "wazzup-v3", "--api-key", ApiKey, "--base-url", CliTestServer.BaseUrl("wazzup-v3"),
            "--allow-insecure-http", "--id", "crm-1", "--name", "Ivan", "--email", "ivan@example.com", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
        var error = run.Json().GetProperty("error");
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo("InvalidInput"));
            Assert.That(error.GetProperty("fieldErrors").EnumerateArray().Select(field => field.GetProperty("field").GetString()),
                Is.SupersetOf(new[] { "Email", "ResponsibleUserId", "Channels" }));
        });
    }

    [Test]
    public async Task Malformed_json_input_exits_3()
    {
        var run = await CliTool.RunAsync("contacts", "upsert", "-p", "wazzup-v3", "--api-key", ApiKey, "--json", "{not json", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
        Assert.That(run.Json().GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("InvalidInput"));
    }

    [Test]
    public async Task An_import_file_with_an_unknown_column_exits_3_before_sending()
    {
        using var folder = new TemporaryFolder();
        var input = folder.File("typo.csv", "phone,nmae\n79001234567,Ivan\n");

        var run = await CliTool.RunAsync("contacts", "import", input, "-p", "wamm", "--token", "wamm-token-0b7c", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
        Assert.That(run.Json().GetProperty("error").GetProperty("message").GetString(), Does.Contain("unknown column 'nmae'"));
    }

    [TestCase("answers-401", "the provider refused the credentials")]
    [TestCase("answers-404", "not found")]
    public async Task A_provider_error_on_a_terminal_says_what_happened_once(string prefix, string meaning)
    {
        var run = await CliTool.RunAsync("contacts", "get", "crm-1", "-p", "wazzup-v3", "--api-key", ApiKey,
            "--base-url", CliTestServer.BaseUrl("wazzup-v3", "/" + prefix), "--allow-insecure-http");

        Assert.That(run.ExitCode, Is.EqualTo(4), run.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(run.StandardError, Does.Contain(meaning), "a status without a body still says what it means");
            Assert.That(run.StandardError.Split("(HTTP ").Length - 1, Is.EqualTo(1), "the status is given once");
        });
    }

    [Test]
    public async Task A_provider_error_exits_4_with_kind_code_and_status_and_never_the_credential()
    {
        var run = await CliTool.RunAsync("contacts", "get", "crm-1", "-p", "wazzup-v3", "--api-key", ApiKey,
            "--base-url", CliTestServer.BaseUrl("wazzup-v3", CliTestServer.Unauthorized), "--allow-insecure-http", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(4), run.ToString());
        var error = run.Json().GetProperty("error");
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo("Authentication"));
            Assert.That(error.GetProperty("status").GetInt32(), Is.EqualTo(401));
            Assert.That(error.GetProperty("code").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(error.GetProperty("message").GetString(), Is.Not.Empty);
            Assert.That(run.StandardOutput + run.StandardError, Does.Not.Contain(ApiKey));
        });
    }

    [Test]
    public async Task Not_found_exits_4()
    {
        var run = await CliTool.RunAsync("contacts", "delete", "unknown-id", "-p", "wazzup-v3", "--api-key", ApiKey,
            "--base-url", CliTestServer.BaseUrl("wazzup-v3", CliTestServer.NotFound), "--allow-insecure-http");

        Assert.That(run.ExitCode, Is.EqualTo(4), run.ToString());
        Assert.That(run.StandardError, Does.Contain("NotFound").And.Contain("HTTP 404"));
    }

    [Test]
    public async Task An_error_inside_http_200_carries_the_providers_code()
    {
        const string Token = "wamm-token-5d1e";
        var run = await CliTool.RunAsync("contacts", "get", "79001234567", "-p", "wamm", "--token", Token,
            "--base-url", CliTestServer.BaseUrl("wamm", CliTestServer.WammTokenFail), "--allow-insecure-http", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(4), run.ToString());
        var error = run.Json().GetProperty("error");
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo("Authentication"));
            Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("token fail"));
            Assert.That(error.GetProperty("status").GetInt32(), Is.EqualTo(200));
            Assert.That(run.StandardOutput + run.StandardError, Does.Not.Contain(Token), "the WAMM token travels in the path; it must not be printed");
        });
    }

    [Test]
    public async Task An_import_the_provider_refuses_exits_4_and_keeps_every_row()
    {
        using var folder = new TemporaryFolder();
        var input = folder.File("contacts.csv", "phone,name\n79001234567,Ivan\n79001112233,Anna\n79005556677,Bob\n");

        var run = await CliTool.RunAsync("contacts", "import", input, "-p", "wamm", "--token", "wamm-token-0b7c",
            "--base-url", CliTestServer.BaseUrl("wamm", CliTestServer.WammTokenFail), "--allow-insecure-http", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(4), run.ToString());
        var json = run.Json();
        Assert.Multiple(() =>
        {
            Assert.That((json.GetProperty("valid").GetInt32(), json.GetProperty("succeeded").GetInt32(), json.GetProperty("failed").GetInt32()), Is.EqualTo((3, 0, 3)));
            Assert.That(json.GetProperty("rejected").EnumerateArray().Select(row => row.GetProperty("error").GetProperty("code").GetString()), Has.All.EqualTo("token fail"));
        });
        var rejected = File.ReadAllLines(Path.Combine(folder.Path, "contacts.rejected.csv"));
        Assert.That(rejected, Has.Length.EqualTo(4), "the header and every row");
        Assert.That(rejected[1], Does.Contain("provider: ").And.Contain("token fail"));
    }

    [Test]
    public async Task A_failed_connection_exits_5()
    {
        var run = await CliTool.RunAsync("contacts", "list", "-p", "wazzup-v3", "--api-key", ApiKey,
            "--base-url", "http://127.0.0.1:1", "--allow-insecure-http", "--retries", "0", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(5), run.ToString());
        var error = run.Json().GetProperty("error");
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo("Transport"));
            Assert.That(error.GetProperty("retryable").GetBoolean(), Is.True);
        });
    }

    [TestCase("info: [unclosed\n", "is not valid YAML", TestName = "A spec that is not YAML is invalid input naming its file")]
    [TestCase("openapi: 3.0.3\ninfo:\n  title: t\npaths:\n  /x:\n    get:\n      responses: 5\n", "is not a readable OpenAPI document", TestName = "A spec that is no OpenAPI document is invalid input naming its file")]
    public async Task A_spec_that_cannot_be_read_is_invalid_input_naming_its_file(string yaml, string message)
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "wawp"));
        var spec = folder.File(Path.Combine("wawp", "openapi.yaml"), yaml);

        var run = await CliTool.RunAsync("conformance", "--specs", folder.Path, "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
        var error = run.Json().GetProperty("error");
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo("InvalidInput"));
            Assert.That(error.GetProperty("message").GetString(), Does.StartWith(spec).And.Contain(message));
        });
    }
}
