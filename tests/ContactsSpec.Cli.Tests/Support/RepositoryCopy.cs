namespace ContactsSpec.Cli.Tests.Support;

/// <summary>
/// A throwaway repository for tests that change specs or generated code: the solution file (the root marker),
/// the build files, the tool manifest, specs/, docs/ and the generated projects copied, so that the copy restores
/// NSwag.MSBuild and the Kiota tool itself; and src/ too when the copy is to build the facade and the tool.
/// </summary>
internal sealed class RepositoryCopy : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public RepositoryCopy(bool withSources = false)
    {
        var source = CliTool.RepositoryRoot;
        foreach (var file in new[] { "ContactsSpec.sln", "global.json", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", ".editorconfig" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(Root, file));
        }

        CopyTree(Path.Combine(source, ".config"), Path.Combine(Root, ".config"), _ => true);
        CopyTree(Path.Combine(source, "specs"), Path.Combine(Root, "specs"), _ => true);
        CopyTree(Path.Combine(source, "docs"), Path.Combine(Root, "docs"), _ => true);
        CopyTree(Path.Combine(source, "generated"), Path.Combine(Root, "generated"), _ => true);
        if (withSources)
        {
            CopyTree(Path.Combine(source, "src"), Path.Combine(Root, "src"), _ => true);
        }
    }

    public string Root => _folder.Path;

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes <paramref name="relative"/> as <paramref name="source"/> is, each pair of <paramref name="renames"/> replaced in turn.</summary>
    public void CopyAs(string source, string relative, params (string From, string To)[] renames)
    {
        var text = renames.Aggregate(File.ReadAllText(PathOf(source)), (current, rename) => current.Replace(rename.From, rename.To, StringComparison.Ordinal));
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
    }

    public void Edit(string relative, Func<string, string> change)
    {
        var path = PathOf(relative);
        var before = File.ReadAllText(path);
        var after = change(before);
        if (after == before)
        {
            throw new InvalidOperationException($"The edit of {relative} changed nothing: the test's anchor text is gone.");
        }

        File.WriteAllText(path, after);
    }

    /// <summary>Commits the copy as it is (a git repository from the first call on), as git's <c>HEAD</c> for <c>contacts-spec-regenerate</c> to compare with.</summary>
    public async Task CommitAsync(string message)
    {
        string[][] steps = Directory.Exists(PathOf(".git")) ? [] : [["init", "-q"]];
        foreach (var git in steps.Append(["add", "-A"]).Append(["-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message]))
        {
            var step = await ProcessRunner.RunToTextAsync("git", git, Root, TimeSpan.FromMinutes(1));
            if (step.ExitCode != 0)
            {
                throw new InvalidOperationException($"git {string.Join(' ', git)} failed: {step.Output}");
            }
        }
    }

    public void Dispose() => _folder.Dispose();

    private static void CopyTree(string from, string to, Func<string, bool> include)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj") || !include(file))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
