using System.Reflection;
using ContactsSpec.Specs;

namespace ContactsSpec.Cli.Tests.Support;

/// <summary>
/// Runs the built tool as a user would: <c>dotnet contacts-spec.dll ...</c> in a child process, with a clean
/// environment (no credential variables, NO_COLOR), standard input closed and output captured; and the maintainers'
/// <c>contacts-spec-regenerate</c> the same way.
/// </summary>
internal static class CliTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string RepositoryRoot { get; } = SpecCatalog.FindRepositoryRoot();

    public static string DllPath { get; } = BuiltPath("ContactsSpecCli", "contacts-spec.dll");

    public static string RegenerateDllPath { get; } = BuiltPath("ContactsSpecRegeneration", "contacts-spec-regenerate.dll");

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

    public static Task<CliRun> RunAsync(
        string[] arguments, IReadOnlyDictionary<string, string>? environment, string? repository, string? workingDirectory = null, bool inCheckout = true,
        string? standardInput = null) =>
        RunDllAsync(DllPath, arguments, environment, repository, workingDirectory, inCheckout, standardInput);

    /// <summary>Runs <c>contacts-spec-regenerate</c> on <paramref name="repository"/> (default: this checkout), or outside any checkout from <paramref name="outsideFolder"/>.</summary>
    public static Task<CliRun> RegenerateAsync(string[] arguments, string? repository = null, string? outsideFolder = null) =>
        RunDllAsync(RegenerateDllPath, arguments, null, repository, outsideFolder, inCheckout: outsideFolder is null, null);

    private static async Task<CliRun> RunDllAsync(
        string dll, string[] arguments, IReadOnlyDictionary<string, string>? environment, string? repository, string? workingDirectory, bool inCheckout,
        string? standardInput)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        if (inCheckout)
        {
            variables.TryAdd(SpecCatalog.RepositoryVariable, repository ?? RepositoryRoot);
        }

        var result = await ProcessRunner.RunAsync("dotnet", [dll, .. arguments], workingDirectory ?? Path.GetTempPath(), Timeout, variables, standardInput);
        return new CliRun(arguments, result.ExitCode, result.StandardOutput, result.StandardError);
    }

    private static string BuiltPath(string key, string file) =>
        typeof(CliTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly does not say where {file} was built.");
}
