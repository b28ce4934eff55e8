using System.CommandLine;
using ContactsSpec.Cli.Output;
using Spectre.Console;

namespace ContactsSpec.Cli.Contacts;

/// <summary><c>contacts groups list|create|delete</c> (WaSMS).</summary>
internal static class GroupsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("groups", "Contact groups (WaSMS).");

        var list = new Command("list", "List every contact group.");
        var listConnection = new ConnectionOptions();
        listConnection.AddTo(list);
        list.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(CliApplication.OutputOption);
            using var provider = await ProviderConnection.OpenAsync(listConnection.Read(parse), console, cancellationToken);
            var groups = await ListCollector.CollectAsync(console, $"Reading groups from {provider.Provider}", provider.Client.ListGroupsAsync(cancellationToken), int.MaxValue);
            console.Write(format, new ListDocument<GroupDocument>(provider.Provider, groups.Count, [.. groups.Select(group => new GroupDocument(group.Id, group.Name))]), people => people.Write(ContactTables.Groups(provider.Provider, groups)));

            return ExitCodes.Success;
        });

        var create = new Command("create", "Create a contact group.");
        var createConnection = new ConnectionOptions();
        createConnection.AddTo(create);
        var name = new Argument<string>("name") { Description = "The group's name." };
        create.Arguments.Add(name);
        create.SetAction((parse, cancellationToken) => GroupChangeAsync(console, parse, createConnection, "created", parse.GetRequiredValue(name),
            (client, value, token) => client.CreateGroupAsync(value, token), cancellationToken));

        var delete = new Command("delete", "Delete a contact group by its id.");
        var deleteConnection = new ConnectionOptions();
        deleteConnection.AddTo(delete);
        var id = new Argument<string>("id") { Description = "The group's id." };
        delete.Arguments.Add(id);
        delete.SetAction((parse, cancellationToken) => GroupChangeAsync(console, parse, deleteConnection, "deleted", parse.GetRequiredValue(id),
            (client, value, token) => client.DeleteGroupAsync(value, token), cancellationToken));

        command.Subcommands.Add(list);
        command.Subcommands.Add(create);
        command.Subcommands.Add(delete);
        return command;
    }

    private static async Task<int> GroupChangeAsync(
        CliConsole console, ParseResult parse, ConnectionOptions connection, string action, string value,
        Func<ContactsClient, string, CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        var format = parse.GetValue(CliApplication.OutputOption);
        using var provider = await ProviderConnection.OpenAsync(connection.Read(parse), console, cancellationToken);
        await change(provider.Client, value, cancellationToken);
        console.Write(format, new GroupChangeDocument(provider.Provider, action, value), people => people.MarkupLine($"[green]Group {Markup.Escape(value)} {action}[/] at {Markup.Escape(provider.Provider)}."));

        return ExitCodes.Success;
    }
}
