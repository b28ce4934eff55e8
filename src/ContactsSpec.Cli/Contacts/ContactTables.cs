using Spectre.Console;
using Spectre.Console.Rendering;

namespace ContactsSpec.Cli.Contacts;

/// <summary>Contacts as tables for a person.</summary>
internal static class ContactTables
{
    public static Table Single(string provider, Contact contact)
    {
        var table = new Table().Title($"[bold]Contact[/] ({Markup.Escape(provider)})").Border(TableBorder.Rounded).AddColumn("field").AddColumn("value");
        foreach (var (field, value) in Fields(contact))
        {
            table.AddRow(field, Markup.Escape(value));
        }

        return table;
    }

    /// <summary>The contacts as a table; none as one line, since a table without rows garbles its title.</summary>
    public static IRenderable Many(string provider, IReadOnlyList<Contact> contacts)
    {
        if (contacts.Count == 0)
        {
            return None("contacts", provider);
        }

        var columns = new (string Name, Func<Contact, string?> Value)[]
        {
            ("id", contact => contact.Id),
            ("name", contact => contact.DisplayName),
            ("phone", contact => contact.Phone),
            ("email", contact => contact.Email),
            ("channels", contact => Channels(contact)),
            ("groups", contact => contact.Groups.Count == 0 ? null : string.Join(", ", contact.Groups)),
            ("responsible user", contact => contact.ResponsibleUserId),
            ("web", contact => contact.Web),
            ("notes", contact => contact.Notes),
        };
        // Only the columns the provider filled in for at least one contact.
        var shown = columns.Where(column => column.Name == "id" || contacts.Any(contact => !string.IsNullOrEmpty(column.Value(contact)))).ToList();
        var table = new Table().Title($"[bold]{contacts.Count} contact{(contacts.Count == 1 ? string.Empty : "s")}[/] ({Markup.Escape(provider)})").Border(TableBorder.Rounded);
        foreach (var column in shown)
        {
            table.AddColumn(column.Name);
        }

        foreach (var contact in contacts)
        {
            table.AddRow([.. shown.Select(column => Markup.Escape(column.Value(contact) ?? string.Empty))]);
        }

        return table;
    }

    /// <summary>The groups as a table, or one line when there are none.</summary>
    public static IRenderable Groups(string provider, IReadOnlyList<ContactGroup> groups)
    {
        if (groups.Count == 0)
        {
            return None("groups", provider);
        }

        var table = new Table().Title($"[bold]{groups.Count} group{(groups.Count == 1 ? string.Empty : "s")}[/] ({Markup.Escape(provider)})")
            .Border(TableBorder.Rounded).AddColumn("id").AddColumn("name");
        foreach (var group in groups)
        {
            table.AddRow(Markup.Escape(group.Id), Markup.Escape(group.Name));
        }

        return table;
    }

    private static Text None(string things, string provider) => new($"No {things} ({provider}).\n");

    private static IEnumerable<(string Field, string Value)> Fields(Contact contact)
    {
        var fields = new (string, string?)[]
        {
            ("id", contact.Id), ("name", contact.Name), ("firstName", contact.FirstName), ("lastName", contact.LastName),
            ("phone", contact.Phone), ("email", contact.Email), ("web", contact.Web), ("notes", contact.Notes),
            ("responsibleUserId", contact.ResponsibleUserId), ("channels", Channels(contact)),
            ("groups", contact.Groups.Count == 0 ? null : string.Join(", ", contact.Groups)),
        };
        return fields.Where(field => !string.IsNullOrEmpty(field.Item2)).Select(field => (field.Item1, field.Item2!));
    }

    private static string? Channels(Contact contact) =>
        contact.Channels.Count == 0 ? null
        : string.Join(", ", contact.Channels.Select(channel =>
            $"{channel.ChatType.Value}:{channel.ChatId}{(channel.Username is null ? string.Empty : $" @{channel.Username}")}{(channel.Phone is null ? string.Empty : $" ({channel.Phone})")}"));
}
