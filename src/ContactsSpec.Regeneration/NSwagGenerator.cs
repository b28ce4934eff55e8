using ContactsSpec.Cli;

namespace ContactsSpec.Regeneration;

/// <summary>
/// Runs NSwag.MSBuild's generator exactly as Directory.Build.targets does (same binary, settings and variables, from
/// the generated project's folder), but into a file of the caller's choosing.
/// </summary>
internal static class NSwagGenerator
{
    /// <summary>
    /// The folder of NSwag.MSBuild's Net100 generator, as the generated project's build resolves it (restoring the
    /// project first when the package is not yet in the NuGet cache).
    /// </summary>
    public static async Task<string> FindGeneratorAsync(GeneratedClient client, CancellationToken cancellationToken)
    {
        var said = string.Empty;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (attempt > 0)
            {
                // The property comes from the package's props, which exist only once the project is restored.
                var restore = await ChildProcess.RunDotnetAsync(client.ProjectDirectory, ["restore", client.ProjectPath, "-nologo"], cancellationToken);
                said = $"{restore.Output.Trim()} {restore.Errors.Trim()}";
            }

            var (exitCode, output, _) = await ChildProcess.RunDotnetAsync(client.ProjectDirectory, ["msbuild", client.ProjectPath, "-nologo", "-getProperty:NSwagDir_Net100"], cancellationToken);
            var folder = output.Trim();
            if (exitCode == 0 && folder.Length > 0 && File.Exists(Path.Combine(folder, "dotnet-nswag.dll")))
            {
                return Path.GetFullPath(folder);
            }
        }

        throw new CliException($"NSwag.MSBuild's generator could not be found for {client.ProjectPath} after restoring it. dotnet restore said: {said.Trim()}");
    }

    public static async Task GenerateAsync(string generatorFolder, GeneratedClient client, string outputPath, CancellationToken cancellationToken)
    {
        var (exitCode, output, errors) = await ChildProcess.RunDotnetAsync(
            client.ProjectDirectory,
            [
                Path.Combine(generatorFolder, "dotnet-nswag.dll"),
                "run",
                client.SettingsPath,
                $"/variables:Spec={client.SpecPath},Output={outputPath},Namespace={client.Namespace},ClientName={client.ClientName}",
            ],
            cancellationToken);
        if (exitCode != 0 || !File.Exists(outputPath))
        {
            throw CliException.InvalidInput(
                $"NSwag could not generate {client.ClientName} from '{client.SpecPath}'; the spec or its settings are invalid. NSwag said: {output.Trim()} {errors.Trim()}");
        }
    }
}
