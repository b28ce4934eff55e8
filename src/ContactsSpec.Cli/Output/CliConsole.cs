using Spectre.Console;

namespace ContactsSpec.Cli.Output;

/// <summary>
/// Where the tool writes: results (tables, or JSON) on standard output; progress, notes and human-readable errors on
/// standard error, so that <c>--output json</c> leaves standard output holding nothing but JSON. Colour and
/// progress animation only on a terminal: never when the stream is redirected, when <c>NO_COLOR</c> is set
/// (any value) or when <c>TERM=dumb</c>.
/// </summary>
internal sealed class CliConsole
{
    private const int RedirectedWidth = 240;

    private CliConsole(IAnsiConsole @out, IAnsiConsole error, bool errorIsTerminal)
    {
        Out = @out;
        Error = error;
        ShowsProgress = errorIsTerminal;
    }

    /// <summary>Results.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Progress, notes and errors.</summary>
    public IAnsiConsole Error { get; }

    /// <summary>Whether progress bars and spinners are drawn (standard error is a terminal).</summary>
    public bool ShowsProgress { get; }

    /// <summary>Raw standard output, for JSON.</summary>
#pragma warning disable CA1822 // An instance member, so that every output goes through the one CliConsole.
    public TextWriter Json => Console.Out;
#pragma warning restore CA1822

    /// <summary>A result: <paramref name="document"/> as JSON with <c>--output json</c>, else what <paramref name="forPeople"/> draws on <see cref="Out"/>.</summary>
    public void Write<T>(OutputFormat format, T document, Action<IAnsiConsole> forPeople)
    {
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(Json, document);
        }
        else
        {
            forPeople(Out);
        }
    }

    public static CliConsole Create()
    {
        var noColor = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 }
            || string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        var outIsTerminal = !Console.IsOutputRedirected;
        var errorIsTerminal = !Console.IsErrorRedirected;
        return new CliConsole(
            Create(Console.Out, outIsTerminal, noColor),
            Create(Console.Error, errorIsTerminal, noColor),
            errorIsTerminal && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal));
    }

    private static IAnsiConsole Create(TextWriter writer, bool isTerminal, bool noColor)
    {
        var colour = isTerminal && !noColor;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            // Cursor control (progress bars) on any terminal; colour only where allowed.
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            // A pipe or a file has no width: do not wrap tables at 80 columns.
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
