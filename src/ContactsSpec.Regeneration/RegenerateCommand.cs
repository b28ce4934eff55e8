using System.CommandLine;
using ContactsSpec.Cli;
using ContactsSpec.Cli.Output;
using Spectre.Console;

namespace ContactsSpec.Regeneration;

/// <summary>
/// <c>contacts-spec-regenerate</c>: runs NSwag and Kiota on every spec into a temporary folder, reports per client what changed in
/// its public surface (removed and changed entries are breaking) and, per provider, the conformance cases the spec's
/// uncommitted edit adds, removes or changes; then copies changed output into <c>generated/</c>.
/// <c>--check</c> changes nothing and exits 1 when <c>generated/</c> is out of date with the specs.
/// </summary>
internal static class RegenerateCommand
{
    private const int MaxParallelGenerators = 2;

    // Beside each generated project: <ClientName>.public-api.txt, its public API baseline.
    private const string BaselineSuffix = ".public-api.txt";

    public static RootCommand CreateRoot(CliConsole console)
    {
        var provider = ProviderFilter.CreateOption("Regenerate only these providers' clients (repeat the option or separate with commas). Default: all.");
        var check = new Option<bool>("--check")
        {
            Description = "Change nothing; exit 1 when generated/ is out of date with specs/ (for CI).",
        };
        var command = new RootCommand(
            "contacts-spec-regenerate: regenerate the NSwag and Kiota clients of a ContactsSpec checkout from its specs and report what changed in each client's public surface.")
        {
            CliApplication.OutputOption, provider, check,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            console, parse.GetValue(CliApplication.OutputOption), parse.GetValue(provider), parse.GetValue(check), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, OutputFormat format, string[]? providers, bool check, CancellationToken cancellationToken)
    {
        var repository = RepositoryLocator.Find("contacts-spec-regenerate");
        var all = GeneratedClient.FindAll(repository);
        var selected = ProviderFilter.Read(providers, [.. all.Select(client => client.Provider).Distinct()]);
        var clients = all.Where(client => selected is null || selected.Contains(client.Provider)).ToList();
        if (clients.Count == 0)
        {
            throw new CliException($"No <OpenApiClient> or <KiotaClient> items under {Path.Combine(repository, "generated")}.");
        }

        var nswag = clients.FirstOrDefault(client => client.Generator == ClientGenerator.NSwag) is { } first
            ? await NSwagGenerator.FindGeneratorAsync(first, cancellationToken)
            : null;
        if (clients.Any(client => client.Generator == ClientGenerator.Kiota))
        {
            await KiotaGenerator.RestoreToolAsync(repository, cancellationToken);
        }

        var temporary = Directory.CreateTempSubdirectory("contacts-spec-regenerate-");
        try
        {
            var outcomes = new ClientRegeneration[clients.Count];
            async Task GenerateAllAsync(Action<string>? progress)
            {
                await Parallel.ForEachAsync(
                    Enumerable.Range(0, clients.Count),
                    new ParallelOptions { MaxDegreeOfParallelism = MaxParallelGenerators, CancellationToken = cancellationToken },
                    async (index, token) =>
                    {
                        var client = clients[index];
                        progress?.Invoke($"Generating {client.ClientName} from specs/{client.Provider} with {client.Generator}");
                        var fresh = Path.Combine(temporary.FullName, client.Provider, client.Generator.ToString(), Path.GetFileName(client.OutputPath));
                        Directory.CreateDirectory(Path.GetDirectoryName(fresh)!);
                        if (client.Generator == ClientGenerator.Kiota)
                        {
                            var (scratch, folder) = KiotaScratchFolder(repository, client);
                            try
                            {
                                await KiotaGenerator.GenerateAsync(client, folder, token);
                                outcomes[index] = await CompareFolderAsync(repository, client, folder, check, token);
                            }
                            finally
                            {
                                if (Directory.Exists(scratch))
                                {
                                    Directory.Delete(scratch, recursive: true);
                                }
                            }
                        }
                        else
                        {
                            await NSwagGenerator.GenerateAsync(nswag!, client, fresh, token);
                            outcomes[index] = await CompareAsync(repository, client, fresh, check, token);
                        }
                    });
            }

            if (console.ShowsProgress)
            {
                await console.Error.Status().StartAsync("Running NSwag and Kiota", context => GenerateAllAsync(text => context.Status(Markup.Escape(text))));
            }
            else
            {
                await GenerateAllAsync(null);
            }

            var cases = new List<CaseChanges>();
            foreach (var provider in clients.DistinctBy(client => client.Provider).OrderBy(client => client.Provider, StringComparer.Ordinal))
            {
                cases.Add(await ConformanceCaseDiff.CompareAsync(repository, provider.Provider, provider.SpecPath, cancellationToken));
            }

            var result = new RegenerationResult(check, outcomes.All(outcome => outcome.Status == RegenerationStatus.UpToDate), outcomes, cases);
            console.Write(format, result, people => Print(people, result));

            return check && !result.UpToDate ? ExitCodes.Failure : ExitCodes.Success;
        }
        finally
        {
            temporary.Delete(recursive: true);
        }
    }

    private static async Task<ClientRegeneration> CompareAsync(string repository, GeneratedClient client, string fresh, bool check, CancellationToken cancellationToken)
    {
        // Each file read once: compared by bytes, parsed as text.
        var freshBytes = await File.ReadAllBytesAsync(fresh, cancellationToken);
        var oldBytes = File.Exists(client.OutputPath) ? await File.ReadAllBytesAsync(client.OutputPath, cancellationToken) : null;
        var codeChanged = oldBytes is null || !freshBytes.AsSpan().SequenceEqual(oldBytes);
        var surface = PublicSurface.Parse(Text(freshBytes), client.ClientName);
        async Task<PublicSurface> BeforeAsync() =>
            PublicSurface.Parse(await GitBaseline.TextAsync(repository, client.OutputPath, cancellationToken) ?? (oldBytes is null ? string.Empty : Text(oldBytes)), client.ClientName);
        if (codeChanged && !check)
        {
            File.Copy(fresh, client.OutputPath, overwrite: true);
        }

        return await OutcomeAsync(repository, client, codeChanged, surface, BeforeAsync, check, cancellationToken);
    }

    // kiota-lock.json records the spec's path relative to the output folder, so Kiota writes where that path is the
    // same: a folder as deep below the checkout as the committed one, under artifacts/ (ignored by git).
    private static (string Scratch, string Output) KiotaScratchFolder(string repository, GeneratedClient client)
    {
        var segments = Path.GetRelativePath(repository, client.OutputPath).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (segments.Length < 2)
        {
            throw new CliException($"The Kiota output '{client.OutputPath}' must lie at least two folders below the checkout.");
        }

        var scratch = Path.Combine(repository, "artifacts", $"regenerate-{client.Provider}-{Guid.NewGuid():N}");
        return (scratch, Path.Combine([scratch, .. segments[2..]]));
    }

    // Kiota writes a folder: up to date when it holds the same files with the same bytes; regenerating replaces it whole.
    private static async Task<ClientRegeneration> CompareFolderAsync(string repository, GeneratedClient client, string fresh, bool check, CancellationToken cancellationToken)
    {
        var newFiles = await ReadFolderAsync(fresh, cancellationToken);
        var oldFiles = await ReadFolderAsync(client.OutputPath, cancellationToken);
        var codeChanged = newFiles.Count != oldFiles.Count || !newFiles.All(file => oldFiles.TryGetValue(file.Key, out var old) && file.Value.AsSpan().SequenceEqual(old));
        var surface = Surface(newFiles, client);
        async Task<PublicSurface> BeforeAsync() =>
            await GitBaseline.CSharpFilesAsync(repository, client.OutputPath, cancellationToken) is { } committed ? Surface(committed, client) : Surface(oldFiles, client);
        if (codeChanged && !check)
        {
            if (Directory.Exists(client.OutputPath))
            {
                Directory.Delete(client.OutputPath, recursive: true);
            }

            foreach (var (relative, bytes) in newFiles)
            {
                var target = Path.Combine(client.OutputPath, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllBytesAsync(target, bytes, cancellationToken);
            }
        }

        return await OutcomeAsync(repository, client, codeChanged, surface, BeforeAsync, check, cancellationToken);
    }

    // The client's public API baseline (<ClientName>.public-api.txt beside its project) follows its surface: a stale
    // one is out of date under --check, and rewritten otherwise, so an API change of a generated package shows in review.
    // The surface change is reported, for a client not up to date, against the surface before: the last commit's where
    // there is one, since a build may already have regenerated the code in place (it leaves the baseline stale).
    private static async Task<ClientRegeneration> OutcomeAsync(
        string repository, GeneratedClient client, bool codeChanged, PublicSurface surface, Func<Task<PublicSurface>> before, bool check, CancellationToken cancellationToken)
    {
        var baselinePath = Path.Combine(client.ProjectDirectory, client.ClientName + BaselineSuffix);
        var baseline = surface.ToBaseline();
        var baselineChanged = !File.Exists(baselinePath) || await File.ReadAllTextAsync(baselinePath, cancellationToken) != baseline;
        if (baselineChanged && !check)
        {
            await File.WriteAllTextAsync(baselinePath, baseline, cancellationToken);
        }

        var changes = codeChanged || baselineChanged ? SurfaceDiff.Compare(await before(), surface) : [];

        var status = !codeChanged && !baselineChanged ? RegenerationStatus.UpToDate : check ? RegenerationStatus.OutOfDate : RegenerationStatus.Regenerated;
        return new ClientRegeneration(
            client.Provider,
            client.Generator == ClientGenerator.Kiota ? "kiota" : "nswag",
            client.ClientName,
            Path.GetRelativePath(repository, client.OutputPath),
            Path.GetRelativePath(repository, baselinePath),
            baselineChanged,
            status,
            changes.Any(change => change.Breaking),
            changes);
    }

    private static async Task<Dictionary<string, byte[]>> ReadFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(folder, path).Replace('\\', '/')] = await File.ReadAllBytesAsync(path, cancellationToken);
            }
        }

        return files;
    }

    private static PublicSurface Surface(Dictionary<string, byte[]> files, GeneratedClient client) =>
        Surface(files.ToDictionary(file => file.Key, file => Text(file.Value), StringComparer.Ordinal), client);

    // As File.ReadAllText reads it: UTF-8, a byte order mark dropped.
    private static string Text(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static PublicSurface Surface(Dictionary<string, string> files, GeneratedClient client) =>
        PublicSurface.Parse(
            files.Where(file => file.Key.EndsWith(".cs", StringComparison.Ordinal)).OrderBy(file => file.Key, StringComparer.Ordinal).Select(file => file.Value),
            client.ClientName);

    private static void Print(IAnsiConsole console, RegenerationResult result)
    {
        var overview = new Table().Title("[bold]Generated clients[/]").Border(TableBorder.Rounded)
            .AddColumn("provider").AddColumn("generator").AddColumn("client").AddColumn("output").AddColumn("status").AddColumn("public surface");
        foreach (var client in result.Clients)
        {
            var status = client.Status switch
            {
                RegenerationStatus.UpToDate => "[green]up to date[/]",
                RegenerationStatus.OutOfDate => "[red]out of date[/]",
                _ => "[yellow]regenerated[/]",
            };
            var surface = client.Status == RegenerationStatus.UpToDate ? "[grey]unchanged[/]"
                : client.Changes.Count == 0 && client.BaselineChanged ? $"unchanged; its baseline {Markup.Escape(client.Baseline)} {(result.Check ? "[red]is not[/]" : "now is")} in step"
                : client.Changes.Count == 0 ? "unchanged (implementation only)"
                : client.Breaking ? $"[red bold]BREAKING[/]: {client.Changes.Count(change => change.Breaking)} breaking, {client.Changes.Count(change => !change.Breaking)} added"
                : $"[green]non-breaking[/]: {client.Changes.Count} added";
            overview.AddRow(Markup.Escape(client.Provider), client.Generator, Markup.Escape(client.Client), Markup.Escape(client.File), status, surface);
        }

        console.Write(overview);
        foreach (var client in result.Clients.Where(client => client.Changes.Count > 0))
        {
            console.WriteLine();
            var table = new Table().Title($"[bold]{Markup.Escape(client.Client)}[/] ({Markup.Escape(client.Provider)}): public surface changes").Border(TableBorder.Rounded)
                .AddColumn("change").AddColumn("kind").AddColumn("member").AddColumn("before").AddColumn("after");
            foreach (var change in client.Changes)
            {
                var label = change.Change switch
                {
                    SurfaceChangeKind.Added => "[green]added[/]",
                    SurfaceChangeKind.Removed => "[red bold]removed (breaking)[/]",
                    _ => "[red bold]changed (breaking)[/]",
                };
                table.AddRow(label, change.Kind.ToString().ToLowerInvariant(), Markup.Escape(change.Member),
                    Markup.Escape(change.Before ?? "-"), Markup.Escape(change.After ?? "-"));
            }

            console.Write(table);
        }

        console.WriteLine();
        var cases = new Table().Title("[bold]Conformance cases[/] (the spec in the checkout against git's HEAD)").Border(TableBorder.Rounded)
            .AddColumn("provider").AddColumn("added").AddColumn("removed").AddColumn("answer changed");
        foreach (var provider in result.Cases)
        {
            cases.AddRow(
                Markup.Escape(provider.Provider),
                provider.Baseline is null ? "[grey]no baseline (not a git checkout, or a new spec)[/]" : Ids(provider.Added, "green"),
                provider.Baseline is null ? string.Empty : Ids(provider.Removed, "red"),
                provider.Baseline is null ? string.Empty : Ids(provider.Changed, "yellow"));
        }

        console.Write(cases);
        console.WriteLine();
        if (result.UpToDate)
        {
            console.MarkupLine("[green]generated/ is in step with specs/.[/]");
        }
        else if (result.Check)
        {
            console.MarkupLine("[red bold]generated/ is out of date with specs/[/]: run [bold]dotnet run --project src/ContactsSpec.Regeneration[/] (contacts-spec-regenerate; or dotnet build) and commit the result.");
        }
        else
        {
            console.MarkupLine("[yellow]Regenerated files were written to generated/[/]: build, run the tests, and commit them with the spec.");
        }
    }

    private static string Ids(IReadOnlyList<string> ids, string color) =>
        ids.Count == 0 ? "[grey]none[/]" : $"[{color}]{Markup.Escape(string.Join(Environment.NewLine, ids))}[/]";
}
