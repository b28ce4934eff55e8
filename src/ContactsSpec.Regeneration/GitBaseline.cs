using System.ComponentModel;

namespace ContactsSpec.Regeneration;

/// <summary>
/// Files as the last commit (git's <c>HEAD</c>) has them: what a spec edit or a regenerated client is compared with,
/// whatever a build or an earlier run has already written into the working tree. Null where git is missing, the
/// folder is no checkout, or the file is new.
/// </summary>
internal static class GitBaseline
{
    public const string Name = "HEAD";

    /// <summary>The file at <paramref name="path"/> as committed.</summary>
    public static async Task<string?> TextAsync(string repository, string path, CancellationToken cancellationToken)
    {
        var result = await GitAsync(repository, ["show", $"{Name}:{Relative(repository, path)}"], cancellationToken);
        return result is { ExitCode: 0 } ? result.Value.Output : null;
    }

    /// <summary>The C# files under <paramref name="folder"/> as committed, by path relative to it; null when none is.</summary>
    public static async Task<Dictionary<string, string>?> CSharpFilesAsync(string repository, string folder, CancellationToken cancellationToken)
    {
        var relative = Relative(repository, folder);
        var listing = await GitAsync(repository, ["ls-tree", "-r", "--name-only", Name, "--", $"{relative}/"], cancellationToken);
        if (listing is not { ExitCode: 0 })
        {
            return null;
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in listing.Value.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (path.EndsWith(".cs", StringComparison.Ordinal) && await TextAsync(repository, Path.Combine(repository, path), cancellationToken) is { } text)
            {
                files[path[(relative.Length + 1)..]] = text;
            }
        }

        return files.Count == 0 ? null : files;
    }

    private static string Relative(string repository, string path) => Path.GetRelativePath(repository, path).Replace('\\', '/');

    private static async Task<(int ExitCode, string Output)?> GitAsync(string repository, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            var (exitCode, output, _) = await ChildProcess.RunAsync("git", repository, arguments, cancellationToken);
            return (exitCode, output);
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
