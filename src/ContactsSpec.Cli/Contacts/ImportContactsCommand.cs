using System.CommandLine;
using ContactsSpec.Cli.Contacts.Import;
using ContactsSpec.Cli.Output;

namespace ContactsSpec.Cli.Contacts;

/// <summary><c>contacts import</c>: the options of <see cref="ContactImporter"/>.</summary>
internal static class ImportContactsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("import", "Import contacts from a CSV file (header row of field names) or JSON lines: validate every row, then send the valid ones.");
        var connection = new ConnectionOptions();
        connection.AddTo(command);
        var file = new Argument<string>("file") { Description = "The CSV or JSON lines file." };
        var format = new Option<ImportFormat?>("--format") { Description = "csv or jsonl. Default: from the file's extension.", HelpName = "csv|jsonl" };
        var validateOnly = new Option<bool>("--validate-only") { Description = "Validate every row and write the rejected file; send nothing." };
        var rejected = new Option<string?>("--rejected")
        {
            Description = "Where to write the rows certainly not imported, with their reasons (only when there are any). Default: <file>.rejected.csv "
                + "(or .rejected.jsonl) beside the input. Rows that may have been written go beside it, with .unknown in place of .rejected "
                + "(or the first free .unknown.N name: that file is never overwritten).",
            HelpName = "file",
        };
        command.Arguments.Add(file);
        command.Options.Add(format);
        command.Options.Add(validateOnly);
        command.Options.Add(rejected);
        command.SetAction((parse, cancellationToken) => ContactImporter.RunAsync(
            console,
            parse.GetValue(CliApplication.OutputOption),
            connection.Read(parse),
            parse.GetRequiredValue(file),
            parse.GetValue(format),
            parse.GetValue(validateOnly),
            parse.GetValue(rejected),
            cancellationToken));
        return command;
    }
}
