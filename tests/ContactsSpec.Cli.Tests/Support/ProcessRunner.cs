using System.Diagnostics;
using ContactsSpec.Conformance.Specs;

namespace ContactsSpec.Cli.Tests.Support;

/// <summary>Runs a program (dotnet, an installed tool) to its end, or kills it at a time limit.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs <paramref name="file"/> in <paramref name="folder"/>; the output holds the command line, standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, string folder, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing may find the checkout through the variable the suite sets for itself: each run finds its own.
        start.Environment.Remove(SpecCatalog.RepositoryVariable);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {limit}.");
        }

        return (process.ExitCode, $"{file} {string.Join(' ', arguments)}\n{await output}{await error}");
    }
}
