using System.CommandLine;
using ContactsSpec.Cli.Output;

namespace ContactsSpec.Cli.Contacts;

/// <summary><c>contacts get</c>: one contact by its provider-side id.</summary>
internal static class GetContactCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("get", "Read one contact by its provider-side id.");
        var connection = new ConnectionOptions();
        connection.AddTo(command);
        var id = new Argument<string>("id") { Description = "The contact's provider-side id (WAMM: the phone)." };
        command.Arguments.Add(id);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(CliApplication.OutputOption);
            using var provider = await ProviderConnection.OpenAsync(connection.Read(parse), console, cancellationToken);
            var contact = await provider.Client.GetAsync(parse.GetRequiredValue(id), cancellationToken);
            console.Write(format, ContactDocument.From(contact), people => people.Write(ContactTables.Single(provider.Provider, contact)));

            return ExitCodes.Success;
        });
        return command;
    }
}
