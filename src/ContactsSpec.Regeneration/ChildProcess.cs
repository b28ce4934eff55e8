using System.Diagnostics;
using ContactsSpec.Cli;

namespace ContactsSpec.Regeneration;

/// <summary>Runs a program regeneration needs (dotnet for restore, MSBuild, NSwag and the Kiota tool; git) and collects what it printed.</summary>
internal static class ChildProcess
{
    /// <summary>The build's dotnet when this program runs under one (dotnet run, dotnet test), else the one on PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static Task<(int ExitCode, string Output, string Errors)> RunDotnetAsync(
        string workingDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync(Dotnet, workingDirectory, arguments, cancellationToken, environment);

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string fileName, string workingDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new CliException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: leave no restore, MSBuild, generator or git running behind the tool.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }
}
