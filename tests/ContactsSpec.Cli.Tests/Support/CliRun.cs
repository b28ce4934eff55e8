using System.Text.Json;

namespace ContactsSpec.Cli.Tests.Support;

/// <summary>What one run of the tool did.</summary>
internal sealed record CliRun(string[] Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Standard output as the JSON document the scriptable contract promises.</summary>
    public JsonElement Json()
    {
        try
        {
            using var document = JsonDocument.Parse(StandardOutput);
            return document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new AssertionException($"standard output is not one JSON document ({error.Message}):{Environment.NewLine}{this}");
        }
    }

    public override string ToString() =>
        $"contacts-spec {string.Join(' ', Arguments)}{Environment.NewLine}exit code {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{StandardOutput}{Environment.NewLine}--- stderr ---{Environment.NewLine}{StandardError}";
}
