using System.CommandLine;
using ContactsSpec.Cli.Output;

namespace ContactsSpec.Cli.Contacts;

/// <summary><c>contacts list</c>: every contact, streamed, up to <c>--limit</c>.</summary>
internal static class ListContactsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("list", "List every contact, page by page.");
        var connection = new ConnectionOptions();
        connection.AddTo(command);
        var limit = new Option<int?>("--limit") { Description = "Stop after this many contacts.", HelpName = "count" };
        NumberOptionValidation.RequireAtLeast(limit, 0);
        command.Options.Add(limit);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(CliApplication.OutputOption);
            var max = parse.GetValue(limit) ?? int.MaxValue;
            using var provider = await ProviderConnection.OpenAsync(connection.Read(parse), console, cancellationToken);
            var contacts = await ListCollector.CollectAsync(console, $"Reading contacts from {provider.Provider}", provider.Client.ListAsync(cancellationToken), max);
            console.Write(format, new ListDocument<ContactDocument>(provider.Provider, contacts.Count, [.. contacts.Select(ContactDocument.From)]), people => people.Write(ContactTables.Many(provider.Provider, contacts)));

            return ExitCodes.Success;
        });
        return command;
    }
}
