namespace ContactsSpec.Conformance.Hosting;

/// <summary>How <see cref="WireMockServer.StartAsync"/> runs the WireMock standalone jar.</summary>
public sealed class WireMockServerOptions
{
    private const string RepositoryJarPath = "node_modules/wiremock/build/wiremock-standalone-3.13.2.jar";

    /// <summary>Path of the WireMock standalone jar.</summary>
    public required string JarPath { get; init; }

    /// <summary>
    /// The Java executable. When null, <c>$JAVA_HOME/bin/java</c> if JAVA_HOME is set and holds it, otherwise
    /// <c>java</c> found on PATH.
    /// </summary>
    public string? JavaPath { get; init; }

    /// <summary>
    /// WireMock's root directory (parent of <c>mappings/</c> and <c>__files/</c>). When null, a fresh temporary
    /// directory that is deleted when the server is disposed.
    /// </summary>
    public string? RootDirectory { get; init; }

    /// <summary>
    /// File that WireMock's standard output and error are appended to; it is kept after disposal. When null, a new
    /// file in the temporary directory (see <see cref="WireMockServer.LogPath"/>).
    /// </summary>
    public string? LogPath { get; init; }

    /// <summary>How long to wait, over all port attempts, for <c>/__admin/health</c> to answer 200. Default 60 s.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>More command-line options for WireMock, appended after the ones the server sets.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Options for the jar of the repository's pinned npm toolchain.</summary>
    /// <param name="repositoryRoot">The repository root (see <c>SpecCatalog.FindRepositoryRoot</c>).</param>
    /// <param name="logPath">Where to append WireMock's output, or null for a temporary file.</param>
    public static WireMockServerOptions ForRepository(string repositoryRoot, string? logPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        return new WireMockServerOptions
        {
            JarPath = Path.GetFullPath(Path.Combine(repositoryRoot, RepositoryJarPath)),
            LogPath = logPath,
        };
    }
}
