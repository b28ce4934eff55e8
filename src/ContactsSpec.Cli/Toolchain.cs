using System.Diagnostics;

namespace ContactsSpec.Cli;

/// <summary>
/// The repository's pinned npm toolchain (NSwag, the WireMock jar): installed with <c>npm ci</c> when missing, as
/// the build does (Directory.Build.targets).
/// </summary>
internal static class Toolchain
{
    public const string NSwagDll = "node_modules/nswag/bin/binaries/Net100/dotnet-nswag.dll";
    public const string WireMockJar = "node_modules/wiremock/build/wiremock-standalone-3.13.2.jar";

    public static async Task EnsureInstalledAsync(string repositoryRoot, Action<string> note, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(repositoryRoot, NSwagDll)) && File.Exists(Path.Combine(repositoryRoot, WireMockJar)))
        {
            return;
        }

        note("The npm toolchain is missing: running `npm ci` in the repository (once).");
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CliException("`npm ci` did not start.");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new CliException("npm is not installed: install Node.js 20 with npm, then run `npm ci` in the repository.", error);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new CliException($"`npm ci` failed with exit code {process.ExitCode}: {(await errors).Trim()} {(await output).Trim()}");
            }
        }
    }
}
