using System.CommandLine;
using ContactsSpec.Cli.Output;
using Spectre.Console;

namespace ContactsSpec.Cli.Regeneration;

/// <summary>
/// <c>regenerate</c>: runs NSwag on every spec into a temporary folder, reports per client what changed in its public
/// surface (removed and changed entries are breaking), and copies changed files into <c>generated/</c>.
/// <c>--check</c> changes nothing and exits 1 when <c>generated/</c> is out of date with the specs.
/// </summary>
internal static class RegenerateCommand
{
    private const int MaxParallelGenerators = 2;

    public static Command Create(CliConsole console)
    {
        var provider = ProviderFilter.CreateOption("Regenerate only these providers' clients (repeat the option or separate with commas). Default: all.");
        var check = new Option<bool>("--check")
        {
            Description = "Change nothing; exit 1 when generated/ is out of date with specs/ (for CI).",
        };
        var command = new Command("regenerate", "Regenerate the clients from the specs and report what changed in each client's public surface.")
        {
            provider, check,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            console, parse.GetValue(CliApplication.OutputOption), parse.GetValue(provider), parse.GetValue(check), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, OutputFormat format, string[]? providers, bool check, CancellationToken cancellationToken)
    {
        var repository = RepositoryLocator.Find("regenerate");
        var all = GeneratedClient.FindAll(repository);
        var selected = ProviderFilter.Read(providers, [.. all.Select(client => client.Provider).Distinct()]);
        var clients = all.Where(client => selected is null || selected.Contains(client.Provider)).ToList();
        if (clients.Count == 0)
        {
            throw new CliException($"No <OpenApiClient> items under {Path.Combine(repository, "generated")}.");
        }

        var generator = await NSwagGenerator.FindGeneratorAsync(clients[0], cancellationToken);
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
                        progress?.Invoke($"Generating {client.ClientName} from specs/{client.Provider}");
                        var fresh = Path.Combine(temporary.FullName, client.Provider, Path.GetFileName(client.OutputPath));
                        Directory.CreateDirectory(Path.GetDirectoryName(fresh)!);
                        await NSwagGenerator.GenerateAsync(generator, client, fresh, token);
                        outcomes[index] = await CompareAsync(repository, client, fresh, check, token);
                    });
            }

            if (console.ShowsProgress)
            {
                await console.Error.Status().StartAsync("Running NSwag", context => GenerateAllAsync(text => context.Status(Markup.Escape(text))));
            }
            else
            {
                await GenerateAllAsync(null);
            }

            var result = new RegenerationResult(check, outcomes.All(outcome => outcome.Status == RegenerationStatus.UpToDate), outcomes);
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
        var file = Path.GetRelativePath(repository, client.OutputPath);
        var newText = await File.ReadAllTextAsync(fresh, cancellationToken);
        var oldText = File.Exists(client.OutputPath) ? await File.ReadAllTextAsync(client.OutputPath, cancellationToken) : null;
        var freshBytes = await File.ReadAllBytesAsync(fresh, cancellationToken);
        var oldBytes = oldText is null ? null : await File.ReadAllBytesAsync(client.OutputPath, cancellationToken);
        if (oldBytes is not null && freshBytes.AsSpan().SequenceEqual(oldBytes))
        {
            return new ClientRegeneration(client.Provider, client.ClientName, file, RegenerationStatus.UpToDate, false, []);
        }

        var changes = SurfaceDiff.Compare(PublicSurface.Parse(oldText ?? string.Empty, client.ClientName), PublicSurface.Parse(newText, client.ClientName));
        if (!check)
        {
            File.Copy(fresh, client.OutputPath, overwrite: true);
        }

        return new ClientRegeneration(
            client.Provider, client.ClientName, file, check ? RegenerationStatus.OutOfDate : RegenerationStatus.Regenerated, changes.Any(change => change.Breaking), changes);
    }

    private static void Print(IAnsiConsole console, RegenerationResult result)
    {
        var overview = new Table().Title("[bold]Generated clients[/]").Border(TableBorder.Rounded)
            .AddColumn("provider").AddColumn("client").AddColumn("file").AddColumn("status").AddColumn("public surface");
        foreach (var client in result.Clients)
        {
            var status = client.Status switch
            {
                RegenerationStatus.UpToDate => "[green]up to date[/]",
                RegenerationStatus.OutOfDate => "[red]out of date[/]",
                _ => "[yellow]regenerated[/]",
            };
            var surface = client.Status == RegenerationStatus.UpToDate ? "[grey]unchanged[/]"
                : client.Changes.Count == 0 ? "unchanged (implementation only)"
                : client.Breaking ? $"[red bold]BREAKING[/]: {client.Changes.Count(change => change.Breaking)} breaking, {client.Changes.Count(change => !change.Breaking)} added"
                : $"[green]non-breaking[/]: {client.Changes.Count} added";
            overview.AddRow(Markup.Escape(client.Provider), Markup.Escape(client.Client), Markup.Escape(client.File), status, surface);
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
        if (result.UpToDate)
        {
            console.MarkupLine("[green]generated/ is in step with specs/.[/]");
        }
        else if (result.Check)
        {
            console.MarkupLine("[red bold]generated/ is out of date with specs/[/]: run [bold]contacts-spec regenerate[/] (or dotnet build) and commit the result.");
        }
        else
        {
            console.MarkupLine("[yellow]Regenerated files were written to generated/[/]: build, run the tests, and commit them with the spec.");
        }
    }
}
