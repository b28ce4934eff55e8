using System.Diagnostics;

namespace ContactsSpec.Cli.Tests.Support;

/// <summary>What a finished program printed and returned.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs a program (dotnet, the built tool, an installed tool) to its end, or kills it at a time limit.</summary>
internal static class ProcessRunner
{
    /// <summary>
    /// Runs <paramref name="file"/> in <paramref name="folder"/> with NO_COLOR and DOTNET_NOLOGO set, no
    /// <c>CONTACTSSPEC_*</c> variable inherited (each run finds its own checkout, or none), then
    /// <paramref name="environment"/>; standard input gets <paramref name="standardInput"/> and is closed.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string file, IEnumerable<string> arguments, string folder, TimeSpan limit,
        IReadOnlyDictionary<string, string>? environment = null, string? standardInput = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("CONTACTSSPEC_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
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
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within {limit}.");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }

    /// <summary>Runs as <see cref="RunAsync"/> does; the output holds the command line, standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Output)> RunToTextAsync(string file, string[] arguments, string folder, TimeSpan limit)
    {
        var result = await RunAsync(file, arguments, folder, limit);
        return (result.ExitCode, $"{file} {string.Join(' ', arguments)}\n{result.StandardOutput}{result.StandardError}");
    }
}
