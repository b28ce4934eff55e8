using System.CommandLine;
using System.Text.Json;
using ContactsSpec.Cli.Contacts.Import;
using ContactsSpec.Cli.Output;
using Spectre.Console;

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
        command.Subcommands.Add(Upsert(console));
        command.Subcommands.Add(Get(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Delete(console));
        command.Subcommands.Add(ImportCommand(console));
        command.Subcommands.Add(Groups(console));
        return command;
    }

    private static Command Upsert(CliConsole console)
    {
        var command = new Command("upsert", "Create a contact or update it, from field options or whole as --json.");
        var connection = new ConnectionOptions();
        connection.AddTo(command);
        var fields = new (Option<string?> Option, string Field)[]
        {
            (new("--id") { Description = "Provider-side id (Wazzup: the CRM id; WAMM: the phone; Wawp: the chat id)." }, "id"),
            (new("--name") { Description = "Display name." }, "name"),
            (new("--first-name") { Description = "First name." }, "firstName"),
            (new("--last-name") { Description = "Last name." }, "lastName"),
            (new("--phone") { Description = "Phone number, international format." }, "phone"),
            (new("--email") { Description = "E-mail address." }, "email"),
            (new("--web") { Description = "Web page (the contact's site, or its page in the CRM)." }, "web"),
            (new("--notes") { Description = "Free-text note." }, "notes"),
            (new("--responsible-user-id") { Description = "Id of the user responsible for the contact." }, "responsibleUserId"),
            (new("--chat-type") { Description = "Messenger of the contact's channel: whatsapp, telegram, viber, instagram, vk, avito, max, ..." }, "chatType"),
            (new("--chat-id") { Description = "The contact's id in that messenger (WhatsApp: the phone, digits only)." }, "chatId"),
            (new("--username") { Description = "Telegram username of the channel, without @." }, "username"),
            (new("--chat-phone") { Description = "Phone of the channel (Telegram, MAX), digits only." }, "chatPhone"),
        };
        var groups = new Option<string[]>("--group") { Description = "Group id the contact belongs to (repeat for several)." };
        var json = new Option<string?>("--json")
        {
            Description = "The whole contact as a JSON object with the domain model's fields (camelCase); @FILE reads it from a file, - from standard input.",
            HelpName = "json|@file|-",
        };
        foreach (var (option, _) in fields)
        {
            command.Options.Add(option);
        }

        command.Options.Add(groups);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(CliApplication.OutputOption);
            var settings = connection.Read(parse);
            var builder = new ContactBuilder();
            var jsonText = parse.GetValue(json);
            var given = fields.Where(field => parse.GetValue(field.Option) is not null).ToList();
            var groupValues = parse.GetValue(groups) ?? [];
            if (jsonText is not null)
            {
                if (given.Count > 0 || groupValues.Length > 0)
                {
                    throw CliException.Usage("Give the contact either whole as --json or as field options, not both.");
                }

                ReadJson(builder, jsonText);
            }
            else
            {
                foreach (var (option, field) in given)
                {
                    builder.Set(field, parse.GetValue(option));
                }

                builder.AddGroups(groupValues);
            }

            var contact = builder.Build() ?? throw CliException.InvalidInput("The contact is invalid: " + string.Join("; ", builder.Errors));
            using var provider = await ProviderConnection.OpenAsync(settings, console, cancellationToken);
            var result = await provider.Client.UpsertAsync(contact, cancellationToken);
            console.Write(format, new UpsertDocument(provider.Provider, result.Id, result.Outcome, result.NotStored), people =>
            {
                var outcome = result.Outcome switch
                {
                    ContactWriteOutcome.Created => "created",
                    ContactWriteOutcome.Updated => "updated",
                    _ => "written (the provider does not say whether it was new)",
                };
                var who = result.Id is null ? "Contact" : $"Contact {result.Id}";
                people.MarkupLine($"[green]{Markup.Escape(who)} {outcome}[/] at {Markup.Escape(provider.Provider)}.");
                if (result.NotStored.Count > 0)
                {
                    people.MarkupLine($"[yellow]Not stored by {Markup.Escape(provider.Provider)}:[/] {string.Join(", ", result.NotStored)}");
                }
            });

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Get(CliConsole console)
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

    private static Command List(CliConsole console)
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
            var contacts = await CollectAsync(console, $"Reading contacts from {provider.Provider}", provider.Client.ListAsync(cancellationToken), max);
            console.Write(format, new ListDocument<ContactDocument>(provider.Provider, contacts.Count, [.. contacts.Select(ContactDocument.From)]), people => people.Write(ContactTables.Many(provider.Provider, contacts)));

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(CliConsole console)
    {
        var command = new Command("delete", "Delete contacts by their provider-side ids (several ids: in batches where the provider has them).");
        var connection = new ConnectionOptions();
        connection.AddTo(command);
        var ids = new Argument<string[]>("id") { Description = "Provider-side ids.", Arity = ArgumentArity.OneOrMore };
        command.Arguments.Add(ids);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(CliApplication.OutputOption);
            var values = parse.GetRequiredValue(ids);
            using var provider = await ProviderConnection.OpenAsync(connection.Read(parse), console, cancellationToken);
            List<string> deleted;
            List<BatchItemDocument> failed = [];
            ContactsException? firstError = null;
            if (values.Length == 1)
            {
                await provider.Client.DeleteAsync(values[0], cancellationToken);
                deleted = [values[0]];
            }
            else
            {
                var result = await provider.Client.DeleteManyAsync(values, cancellationToken);
                deleted = [.. result.Succeeded.Select(item => item.Key ?? values[item.Index])];
                failed = [.. result.Items.Where(item => item.Status != ContactBatchItemStatus.Succeeded)
                    .Select(item => new BatchItemDocument(item.Index, item.Key, item.Status, item.Error is null ? null : ErrorReporter.Describe(item.Error)))];
                firstError = result.Items.FirstOrDefault(item => item.Error is not null)?.Error;
            }

            console.Write(format, new DeleteDocument(provider.Provider, deleted, failed), people =>
            {
                foreach (var id in deleted)
                {
                    people.MarkupLine($"[green]Deleted[/] {Markup.Escape(id)} at {Markup.Escape(provider.Provider)}.");
                }

                foreach (var item in failed)
                {
                    people.MarkupLine($"[red]Not deleted[/] {Markup.Escape(item.Key ?? values[item.Index])}: {Markup.Escape(item.Error?.Kind ?? item.Status.ToString())}: {Markup.Escape(item.Error?.Message ?? string.Empty)}");
                }
            });

            return firstError is null ? ExitCodes.Success : ExitCodes.For(firstError.Kind);
        });
        return command;
    }

    private static Command ImportCommand(CliConsole console)
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

    private static Command Groups(CliConsole console)
    {
        var command = new Command("groups", "Contact groups (WaSMS).");

        var list = new Command("list", "List every contact group.");
        var listConnection = new ConnectionOptions();
        listConnection.AddTo(list);
        list.SetAction(async (parse, cancellationToken) =>
        {
            var format = parse.GetValue(CliApplication.OutputOption);
            using var provider = await ProviderConnection.OpenAsync(listConnection.Read(parse), console, cancellationToken);
            var groups = await CollectAsync(console, $"Reading groups from {provider.Provider}", provider.Client.ListGroupsAsync(cancellationToken), int.MaxValue);
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

    private static async Task<List<T>> CollectAsync<T>(CliConsole console, string text, IAsyncEnumerable<T> items, int max)
    {
        async Task<List<T>> ReadAsync(Action<int>? progress)
        {
            var list = new List<T>();
            if (max <= 0)
            {
                return list;
            }

            await foreach (var item in items)
            {
                list.Add(item);
                progress?.Invoke(list.Count);
                if (list.Count >= max)
                {
                    break;
                }
            }

            return list;
        }

        return console.ShowsProgress
            ? await console.Error.Status().StartAsync(text, context => ReadAsync(count => context.Status($"{Markup.Escape(text)}: {count}")))
            : await ReadAsync(null);
    }

    private static void ReadJson(ContactBuilder builder, string value)
    {
        string text;
        try
        {
            text = value == "-" ? Console.In.ReadToEnd()
                : value.StartsWith('@') ? File.ReadAllText(value[1..])
                : value;
        }
        catch (IOException error)
        {
            throw CliException.InvalidInput($"Cannot read the contact from '{value[1..]}': {error.Message}", error);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            builder.SetFromJson(document.RootElement);
        }
        catch (JsonException error)
        {
            throw CliException.InvalidInput($"--json is not valid JSON: {error.Message}", error);
        }
    }
}
