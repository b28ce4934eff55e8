using System.CommandLine;
using ContactsSpec.Cli.Output;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Running;
using Spectre.Console;

namespace ContactsSpec.Cli.Conformance;

/// <summary>
/// <c>conformance</c>: starts WireMock.Net in process, runs every conformance case against the NSwag clients, the
/// Kiota clients and the facade (or the targets <c>--target</c> picks), prints the matrix and writes report.md, report.html and junit.xml. Exit 0 only when every case
/// passes and every documented response of the selected providers has its passing cases (the coverage gate).
/// </summary>
internal static class ConformanceCommand
{
    public static Command Create(CliConsole console)
    {
        var provider = ProviderFilter.CreateOption("Run only these providers' cases (repeat the option or separate with commas). Default: all.");
        var output = new Option<string?>("--out")
        {
            Description = "Folder for report.md, report.html and junit.xml. Default: artifacts/conformance in the checkout, or in the current folder outside one.",
            HelpName = "folder",
        };
        var parallel = new Option<int>("--parallel")
        {
            Description = "Cases in flight at once.",
            DefaultValueFactory = _ => 8,
        };
        NumberOptionValidation.RequireAtLeast(parallel, 1);
        var target = new Option<string[]>("--target", "-t")
        {
            Description = "Run only these targets (repeat the option or separate with commas): "
                + string.Join(", ", ConformanceTargets.All.Select(candidate => $"{candidate.Key()} (the {candidate.DisplayName()})")) + ". Default: all.",
            HelpName = string.Join('|', ConformanceTargets.All.Select(candidate => candidate.Key())),
        };
        var details = new Option<bool>("--details")
        {
            Description = "Print a row per response (as in report.md), not one per operation.",
        };

        var specs = SpecSource.CreateOption();
        var command = new Command("conformance", "Run every conformance case (NSwag clients, Kiota clients, facade) against WireMock and write the reports.")
        {
            provider, target, output, parallel, details, specs,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            console,
            parse.GetValue(CliApplication.OutputOption),
            parse.GetValue(provider),
            parse.GetValue(target),
            parse.GetValue(output),
            parse.GetValue(parallel),
            parse.GetValue(details),
            parse.GetValue(specs),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, OutputFormat format, string[]? providers, string[]? targets, string? outFolder, int parallel, bool details, string? specsFolder, CancellationToken cancellationToken)
    {
        var source = await SpecSource.ResolveAsync(specsFolder, provider: null, console, cancellationToken);
        var selected = ProviderFilter.Read(providers, [.. source.Specs.Select(spec => spec.Key)]);
        var chosen = selected is null ? source.Specs : [.. source.Specs.Where(spec => selected.Contains(spec.Key))];

        var folder = Path.GetFullPath(outFolder ?? Path.Combine(source.RepositoryRoot ?? Environment.CurrentDirectory, "artifacts", "conformance"));
        Directory.CreateDirectory(folder);

        using var session = ConformanceSession.Start(chosen, source.ErrorTable, ReadTargets(targets));

        if (console.ShowsProgress)
        {
            await console.Error.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Running {session.Runs.Count} cases", maxValue: session.Runs.Count);
                    var failures = 0;
                    await session.RunAllAsync(parallel, result =>
                    {
                        if (!result.Passed)
                        {
                            Interlocked.Increment(ref failures);
                            task.Description = $"Running {session.Runs.Count} cases, [red]{Volatile.Read(ref failures)} failed[/]";
                        }

                        task.Increment(1);
                    }, cancellationToken);
                });
        }
        else
        {
            await session.RunAllAsync(parallel, cancellationToken: cancellationToken);
        }

        var markdown = await session.WriteReportsAsync(folder, cancellationToken);
        var summary = ConformanceSummary.From(session, markdown, Path.Combine(folder, "report.html"), Path.Combine(folder, "junit.xml"), source.Origin);
        console.Write(format, summary, people => ConformanceMatrixPrinter.Print(people, session, summary, details));

        return summary.Passed ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The targets <c>--target</c> names (null: all), each checked.</summary>
    private static IReadOnlyList<ConformanceTarget>? ReadTargets(string[]? values)
    {
        var keys = (values ?? [])
            .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (keys.Count == 0)
        {
            return null;
        }

        var unknown = keys.Where(key => ConformanceTargets.FromKey(key) is null).ToList();
        if (unknown.Count > 0)
        {
            throw CliException.Usage(
                $"Unknown target {string.Join(", ", unknown.Select(key => $"'{key}'"))}; the targets are {string.Join(", ", ConformanceTargets.All.Select(target => target.Key()))}.");
        }

        return [.. keys.Select(key => ConformanceTargets.FromKey(key)!.Value)];
    }
}
