using System.Diagnostics;

namespace ContactsSpec.Cli.Regeneration;

/// <summary>
/// Runs the NSwag CLI of the repository's npm toolchain exactly as Directory.Build.targets does (same settings,
/// same variables, from the generated project's folder), but into a file of the caller's choosing.
/// </summary>
internal static class NSwagGenerator
{
    public static async Task GenerateAsync(string repositoryRoot, GeneratedClient client, string outputPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = client.ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(repositoryRoot, Toolchain.NSwagDll));
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(client.SettingsPath);
        start.ArgumentList.Add($"/variables:Spec={client.SpecPath},Output={outputPath},Namespace={client.Namespace},ClientName={client.ClientName}");

        using var process = Process.Start(start) ?? throw new CliException("NSwag did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 || !File.Exists(outputPath))
        {
            throw CliException.InvalidInput(
                $"NSwag could not generate {client.ClientName} from '{client.SpecPath}'; the spec or its settings are invalid. Run `npx spectral lint` on the spec for details. NSwag said: {(await output).Trim()} {(await errors).Trim()}");
        }
    }
}
