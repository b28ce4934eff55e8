using System.Diagnostics;

namespace ContactsSpec.Benchmarks.CodeGeneration;

/// <summary>Runs a command-line tool to its end and returns its exit code and output.</summary>
internal static class ToolProcess
{
    public static (int ExitCode, string Output) Run(string fileName, string workingDirectory, params string[] arguments)
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

        // A build of this suite may run with an artifacts layout set in the environment; the measured builds
        // must use the layout a developer gets.
        start.Environment.Remove("UseArtifactsOutput");
        start.Environment.Remove("ArtifactsPath");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult());
    }

    public static string RunOrThrow(string fileName, string workingDirectory, params string[] arguments)
    {
        var (exitCode, output) = Run(fileName, workingDirectory, arguments);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"`{fileName} {string.Join(' ', arguments)}` exited with {exitCode}:\n{output}");
    }
}
