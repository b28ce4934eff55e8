using System.CommandLine;
using ContactsSpec.Cli.Output;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Stubs;
using Spectre.Console;

namespace ContactsSpec.Cli.Sandbox;

/// <summary>
/// <c>sandbox</c>: keeps one sandbox running with every provider's documented answers until Ctrl+C, so that
/// <c>contacts ... --sandbox</c> commands (with <c>$CONTACTSSPEC_SANDBOX_URL</c> set) share it, and
/// other programs can try the facade against it with <c>--base-url</c>.
/// </summary>
internal static class SandboxCommand
{
    public static Command Create(CliConsole console)
    {
        var specsOption = SpecSource.CreateOption();
        var command = new Command("sandbox", "Keep a sandbox with every provider's documented answers running until Ctrl+C; `contacts ... --sandbox` then uses it via $CONTACTSSPEC_SANDBOX_URL.")
        {
            specsOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(CliApplication.OutputOption);
            var specs = (await SpecSource.ResolveAsync(parse.GetValue(specsOption), provider: null, console, cancellationToken)).Specs;
            using var server = SandboxServer.Start(specs);
            var url = server.BaseUri().GetLeftPart(UriPartial.Authority);
            var baseUrls = specs.ToDictionary(spec => spec.Key, spec => SandboxStubFactory.BaseUri(spec, server.BaseUri()).ToString().TrimEnd('/'), StringComparer.Ordinal);
            console.Write(format, new SandboxDocument(url, SandboxServer.UrlVariable, baseUrls), people =>
            {
                var table = new Table().Title($"[bold]Sandbox running at {Markup.Escape(url)}[/]").Border(TableBorder.Rounded)
                    .AddColumn("provider").AddColumn("--base-url");
                foreach (var (provider, baseUrl) in baseUrls)
                {
                    table.AddRow(Markup.Escape(provider), Markup.Escape(baseUrl));
                }

                people.Write(table);
                people.MarkupLine($"In another shell: [bold]export {SandboxServer.UrlVariable}={Markup.Escape(url)}[/]; every [bold]contacts ... --sandbox[/] command then answers from here at once.");
                people.MarkupLine("Press Ctrl+C to stop it.");
            });

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C or SIGTERM: stop the server and exit 0.
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private sealed record SandboxDocument(string Url, string Variable, IReadOnlyDictionary<string, string> BaseUrls);
}
