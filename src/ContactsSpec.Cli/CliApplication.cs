using System.CommandLine;
using System.Runtime.InteropServices;
using ContactsSpec.Cli.Conformance;
using ContactsSpec.Cli.Contacts;
using ContactsSpec.Cli.Docs;
using ContactsSpec.Cli.Output;
using ContactsSpec.Cli.Sandbox;
using Spectre.Console;

namespace ContactsSpec.Cli;

/// <summary>The <c>contacts-spec</c> command tree and the scriptable contract around it (exit codes, JSON errors).</summary>
internal static class CliApplication
{
    /// <summary><c>--output table|json</c>, accepted by every command.</summary>
    public static Option<OutputFormat> OutputOption { get; } = new("--output", "-o")
    {
        // No DefaultValueFactory: unset is Table (the enum's zero), and the help reads better without "[default: Table]".
        Description = "table (for people; the default) or json (one JSON document on standard output, for scripts).",
        Recursive = true,
        HelpName = "table|json",
    };

    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default) =>
        RunAsync(args, BuildRootCommand, cancellationToken);

    /// <summary>Runs the command tree <paramref name="buildRoot"/> makes under the same contract (another program's, such as contacts-spec-regenerate).</summary>
    public static async Task<int> RunAsync(string[] args, Func<CliConsole, RootCommand> buildRoot, CancellationToken cancellationToken = default)
    {
        var console = CliConsole.Create();
        var root = buildRoot(console);
        // No response files: "@FILE" is --json's own syntax (a contact read from a file), passed through as it is.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var format = FormatOf(parse);
        if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
        {
            var command = parse.CommandResult.Command;
            var path = command == root ? root.Name : $"{root.Name} {CommandPath(command)}";
            var message = string.Join(Environment.NewLine, parse.Errors.Select(error => error.Message));
            var exit = ErrorReporter.Report(CliException.Usage(message), console, format);
            if (format == OutputFormat.Table)
            {
                console.Error.MarkupLine($"Run [bold]{Markup.Escape(path)} --help[/] for the options.");
            }

            return exit;
        }

        // Ctrl+C and SIGTERM cancel the command, which then stops what it started (WireMock above all) and exits
        // 130; a second signal while it stops ends the process at once.
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = !interrupt.IsCancellationRequested;
            interrupt.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, interrupt.Token);
        }
#pragma warning disable CA1031 // Every failure becomes an exit code and a message: the scriptable contract.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return ErrorReporter.Report(error, console, format);
        }
    }

    public static RootCommand BuildRootCommand(CliConsole console)
    {
        var root = new RootCommand(
            "contacts-spec: conformance runs, a sandbox of the providers' documented behaviour, docs checks, and contacts from the shell over the ContactsSpec facade.")
        {
            OutputOption,
        };
        root.Subcommands.Add(ConformanceCommand.Create(console));
        root.Subcommands.Add(ContactsCommand.Create(console));
        root.Subcommands.Add(SandboxCommand.Create(console));
        root.Subcommands.Add(DocsCommand.Create(console));
        return root;
    }

    private static OutputFormat FormatOf(ParseResult parse)
    {
        try
        {
            return parse.GetValue(OutputOption);
        }
#pragma warning disable CA1031 // An unreadable --output falls back to text; the parse error says why.
        catch (Exception)
#pragma warning restore CA1031
        {
            return OutputFormat.Table;
        }
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? current = command; current is not null and not RootCommand; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, current.Name);
        }

        return string.Join(' ', names);
    }
}
