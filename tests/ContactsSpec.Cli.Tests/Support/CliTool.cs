using System.Diagnostics;
using System.Reflection;
using ContactsSpec.Conformance.Specs;

namespace ContactsSpec.Cli.Tests.Support;

/// <summary>
/// Runs the built tool as a user would: <c>dotnet contacts-spec.dll ...</c> in a child process, with a clean
/// environment (no credential variables, NO_COLOR), standard input closed and output captured.
/// </summary>
internal static class CliTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string RepositoryRoot { get; } = SpecCatalog.FindRepositoryRoot();

    public static string DllPath { get; } =
        typeof(CliTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "ContactsSpecCli").Value
        ?? throw new InvalidOperationException("The test assembly does not say where contacts-spec.dll was built.");

    /// <summary>The NSwag client projects under generated/ (the facade's package depends on each), by project name.</summary>
    public static IReadOnlyList<string> GeneratedClientProjects { get; } =
        [.. Directory.EnumerateDirectories(Path.Combine(RepositoryRoot, "generated"), "ContactsSpec.Clients.*")
            .Select(folder => Path.GetFileName(folder)!)
            .Where(name => !name.EndsWith(".Kiota", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    public static Task<CliRun> RunAsync(params string[] arguments) => RunAsync(arguments, null, null);

    /// <summary>Runs with <c>$CONTACTSSPEC_SANDBOX_URL</c> naming the shared test server, so <c>--sandbox</c> starts no WireMock of its own.</summary>
    public static Task<CliRun> RunInSharedSandboxAsync(params string[] arguments) =>
        RunAsync(arguments, new Dictionary<string, string> { ["CONTACTSSPEC_SANDBOX_URL"] = CliTestServer.Url }, null);

    /// <summary>Runs as an installed tool would outside any checkout: from <paramref name="folder"/>, with no <c>$CONTACTSSPEC_REPO</c>.</summary>
    public static Task<CliRun> RunOutsideCheckoutAsync(string folder, params string[] arguments) =>
        RunAsync(arguments, null, repository: null, workingDirectory: folder, inCheckout: false);

    public static async Task<CliRun> RunAsync(
        string[] arguments, IReadOnlyDictionary<string, string>? environment, string? repository, string? workingDirectory = null, bool inCheckout = true,
        string? standardInput = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("CONTACTSSPEC_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        if (inCheckout)
        {
            start.Environment[SpecCatalog.RepositoryVariable] = repository ?? RepositoryRoot;
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"contacts-spec {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new CliRun(arguments, process.ExitCode, await output, await error);
    }
}
