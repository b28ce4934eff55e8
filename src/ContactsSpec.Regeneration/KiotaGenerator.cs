using ContactsSpec.Cli;

namespace ContactsSpec.Regeneration;

/// <summary>
/// Runs the Kiota tool exactly as Directory.Build.targets does (the pinned local tool, offline, the same settings and
/// arguments, from the generated project's folder with the spec path as the item gives it), but into a folder of the
/// caller's choosing. kiota-lock.json records the spec's path relative to that folder, so the caller picks one as
/// deep below the checkout as the committed output (RegenerateCommand's scratch folder).
/// </summary>
internal static class KiotaGenerator
{
    private static readonly Dictionary<string, string> Offline = new(StringComparer.Ordinal)
    {
        ["KIOTA_OFFLINE_ENABLED"] = "true",
        ["KIOTA_TUTORIAL_ENABLED"] = "false",
    };

    /// <summary>Restores the tool pinned in <c>.config/dotnet-tools.json</c> (a no-op once it is in the NuGet cache).</summary>
    public static async Task RestoreToolAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var (exitCode, output, errors) = await ChildProcess.RunDotnetAsync(repositoryRoot, ["tool", "restore"], cancellationToken);
        if (exitCode != 0)
        {
            throw new CliException($"The Kiota tool pinned in .config/dotnet-tools.json could not be restored. dotnet tool restore said: {output.Trim()} {errors.Trim()}");
        }
    }

    public static async Task GenerateAsync(GeneratedClient client, string outputFolder, CancellationToken cancellationToken)
    {
        var (exitCode, output, errors) = await ChildProcess.RunDotnetAsync(
            client.ProjectDirectory,
            [
                "tool", "run", "kiota", "generate", "@" + client.SettingsPath,
                "--openapi", client.SpecInclude,
                "--output", outputFolder,
                "--class-name", client.ClientName,
                "--namespace-name", client.Namespace,
            ],
            cancellationToken,
            Offline);
        if (exitCode != 0 || !File.Exists(Path.Combine(outputFolder, "kiota-lock.json")))
        {
            throw CliException.InvalidInput(
                $"Kiota could not generate {client.ClientName} from '{client.SpecPath}'; the spec or its settings are invalid. Kiota said: {output.Trim()} {errors.Trim()}");
        }
    }
}
