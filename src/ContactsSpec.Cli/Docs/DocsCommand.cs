using System.CommandLine;
using ContactsSpec.Cli.Output;
using Spectre.Console;

namespace ContactsSpec.Cli.Docs;

/// <summary>
/// <c>docs check</c>: compares a saved copy of a provider's documentation page with the sections its spec was written
/// from (<c>x-source</c>): which are unchanged, which changed or disappeared and which operations cite them, and the
/// new sections no operation cites. Exit 0 when nothing cited changed, 1 otherwise, so it can run on a schedule.
/// </summary>
internal static class DocsCommand
{
    public static Command Create(CliConsole console)
    {
        var provider = new Option<string>("--provider", "-p")
        {
            Description = "The provider whose spec cites the page.",
            Required = true,
            HelpName = string.Join('|', ContactsProviders.All),
        };
        var page = new Option<string>("--page")
        {
            Description = "The saved page: HTML, or plain text, as a browser saves it.",
            Required = true,
            HelpName = "file",
        };
        var url = new Option<string?>("--url")
        {
            Description = "The public address of the saved page, as x-source cites it. Default: the address an HTML page states, else the cited page whose headings the file has.",
            HelpName = "address",
        };
        var specs = SpecSource.CreateOption();
        var check = new Command("check", "Compare a saved copy of a provider's documentation page with the sections its spec cites; exit 1 when a cited section changed.")
        {
            provider, page, url, specs,
        };
        check.SetAction((parse, cancellationToken) => CheckAsync(
            console, parse.GetValue(CliApplication.OutputOption), parse.GetValue(provider)!, parse.GetValue(page)!, parse.GetValue(url), parse.GetValue(specs), cancellationToken));
        return new Command("docs", "Keep the specs in step with the providers' documentation pages.") { check };
    }

    private static async Task<int> CheckAsync(
        CliConsole console, OutputFormat format, string provider, string page, string? url, string? specsFolder, CancellationToken cancellationToken)
    {
        ProviderFilter.Read([provider], ContactsProviders.All);
        var spec = (await SpecSource.ResolveAsync(specsFolder, provider, console, cancellationToken)).Specs.SingleOrDefault()
            ?? throw CliException.Usage($"No spec for provider '{provider}'.");
        var report = DocsCheck.Run(spec, page, url);
        console.Write(format, report, people => Print(people, report));
        return report.CitedChanged ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static void Print(IAnsiConsole people, DocsCheckReport report)
    {
        var sections = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(report.Page)}[/]: the sections the {Markup.Escape(report.Provider)} spec cites ({report.Format})")
            .AddColumn("section").AddColumn("status").AddColumn("operations").AddColumn("recorded").AddColumn("on the page");
        foreach (var section in report.Sections)
        {
            var status = section.Status switch
            {
                CitedSectionStatus.Unchanged => "[green]unchanged[/]",
                CitedSectionStatus.Missing => $"[red]missing[/] ({Markup.Escape(string.Join(", ", section.MissingHeadings))})",
                CitedSectionStatus.Unrecorded => "[yellow]no fingerprint recorded[/]",
                _ => "[red]changed[/]",
            };
            sections.AddRow(
                Markup.Escape(section.Section), status, Markup.Escape(string.Join(", ", section.Operations)), Markup.Escape(section.Recorded ?? "-"), Markup.Escape(section.Current ?? "-"));
        }

        people.Write(sections);
        if (report.NewSections.Count > 0)
        {
            var fresh = new Table().Border(TableBorder.Rounded).Title("[bold]New sections no operation cites[/]").AddColumn("section").AddColumn("fingerprint");
            foreach (var section in report.NewSections)
            {
                fresh.AddRow(Markup.Escape(section.Heading), Markup.Escape(section.Fingerprint));
            }

            people.Write(fresh);
        }

        if (report.Sections.Any(section => section.Status is CitedSectionStatus.Changed or CitedSectionStatus.Missing))
        {
            people.MarkupLine("[red]A cited section changed or disappeared.[/] Check the operations that cite it against the page, edit the spec, set each x-source fingerprint to the value on the page, then run [bold]contacts-spec-regenerate[/] (dotnet run --project src/ContactsSpec.Regeneration).");
        }
        else if (report.CitedChanged)
        {
            people.MarkupLine("[yellow]The spec records no fingerprint of some cited sections.[/] Check the operations that cite them against the page, then record the value on the page as each x-source fingerprint.");
        }
        else
        {
            people.MarkupLine("[green]Nothing the spec cites changed.[/]");
        }
    }
}
