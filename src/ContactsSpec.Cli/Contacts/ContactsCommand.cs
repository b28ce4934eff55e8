using System.CommandLine;
using ContactsSpec.Cli.Output;

namespace ContactsSpec.Cli.Contacts;

/// <summary>
/// <c>contacts</c>: upsert, get, list, delete, import and groups over the facade, for any provider, at its host,
/// at <c>--base-url</c>, or in the <c>--sandbox</c>.
/// </summary>
internal static class ContactsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("contacts", "Read and write contacts over the facade, for any provider (try --sandbox: no account needed).");
        command.Subcommands.Add(UpsertContactCommand.Create(console));
        command.Subcommands.Add(GetContactCommand.Create(console));
        command.Subcommands.Add(ListContactsCommand.Create(console));
        command.Subcommands.Add(DeleteContactsCommand.Create(console));
        command.Subcommands.Add(ImportContactsCommand.Create(console));
        command.Subcommands.Add(GroupsCommand.Create(console));
        return command;
    }
}
