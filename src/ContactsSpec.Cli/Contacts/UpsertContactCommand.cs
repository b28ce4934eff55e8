using System.CommandLine;
using System.Text.Json;
using ContactsSpec.Cli.Output;
using Spectre.Console;

namespace ContactsSpec.Cli.Contacts;

/// <summary><c>contacts upsert</c>: one contact from field options or whole as <c>--json</c>.</summary>
internal static class UpsertContactCommand
{
    public static Command Create(CliConsole console)
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
