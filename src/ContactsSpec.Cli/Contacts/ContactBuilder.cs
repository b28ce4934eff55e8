using System.Text.Json;

namespace ContactsSpec.Cli.Contacts;

/// <summary>
/// Builds a <see cref="Contact"/> from named values, whatever their source (flags, a JSON object, a CSV row). The
/// names are the domain model's fields in camelCase, matched ignoring case, <c>-</c>, <c>_</c> and spaces (so
/// <c>first-name</c>, <c>first_name</c> and <c>FirstName</c> all mean <c>firstName</c>). One channel may be given
/// flat (<c>chatType</c>, <c>chatId</c>, <c>username</c>, <c>chatPhone</c>); JSON may also give <c>channels</c> as an
/// array. Names starting with <c>_</c> are ignored (the rejected file's <c>_line</c> and <c>_reason</c>). Every
/// problem is collected, none is skipped.
/// </summary>
internal sealed class ContactBuilder
{
    /// <summary>The field names, as the JSON output and the import files spell them.</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
        ["id", "name", "firstName", "lastName", "phone", "email", "web", "notes", "responsibleUserId", "groups", "chatType", "chatId", "username", "chatPhone", "channels"];

    private static readonly Dictionary<string, string> Canonical =
        FieldNames.ToDictionary(Normalize, name => name, StringComparer.Ordinal);

    private readonly Dictionary<string, string> _scalars = new(StringComparer.Ordinal);
    private readonly List<string> _groups = [];
    private readonly List<ContactChannel> _channels = [];

    public List<string> Errors { get; } = [];

    /// <summary>The canonical field name for <paramref name="name"/>, or null when it is no field. Ignored names (<c>_...</c>) give the empty string.</summary>
    public static string? FieldFor(string name)
    {
        if (name.StartsWith('_'))
        {
            return string.Empty;
        }

        return Canonical.GetValueOrDefault(Normalize(name));
    }

    /// <summary>Sets a field from text; empty text means not given.</summary>
    public void Set(string name, string? value)
    {
        var field = FieldFor(name);
        if (field is null)
        {
            Errors.Add($"unknown field '{name}' (the fields are {string.Join(", ", FieldNames)})");
            return;
        }

        if (field.Length == 0 || string.IsNullOrEmpty(value))
        {
            return;
        }

        switch (field)
        {
            case "groups":
                _groups.AddRange(value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                break;
            case "channels":
                Errors.Add("channels must be a JSON array of {chatType, chatId, username, phone}; in a CSV file use the chatType and chatId columns");
                break;
            default:
                if (!_scalars.TryAdd(field, value))
                {
                    Errors.Add($"{field} is given twice");
                }

                break;
        }
    }

    public void AddGroups(IEnumerable<string> groups) => _groups.AddRange(groups.Where(group => !string.IsNullOrWhiteSpace(group)).Select(group => group.Trim()));

    /// <summary>Sets every property of a JSON object.</summary>
    public void SetFromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Errors.Add($"a contact must be a JSON object, not {Describe(element.ValueKind)}");
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            var field = FieldFor(property.Name);
            if (field is null || field.Length == 0)
            {
                Set(property.Name, null);
                continue;
            }

            switch (field, property.Value.ValueKind)
            {
                case (_, JsonValueKind.Null):
                    break;
                case ("groups", JsonValueKind.Array):
                    foreach (var group in property.Value.EnumerateArray())
                    {
                        if (Scalar(group, "groups[]") is { } text)
                        {
                            _groups.Add(text);
                        }
                    }

                    break;
                case ("channels", JsonValueKind.Array):
                    var index = 0;
                    foreach (var channel in property.Value.EnumerateArray())
                    {
                        AddChannel(channel, index++);
                    }

                    break;
                case ("channels", _):
                    Errors.Add($"channels must be an array, not {Describe(property.Value.ValueKind)}");
                    break;
                default:
                    Set(field, Scalar(property.Value, field));
                    break;
            }
        }
    }

    /// <summary>The contact, or null when any error was collected (see <see cref="Errors"/>).</summary>
    public Contact? Build()
    {
        var channel = FlatChannel();
        if (Errors.Count > 0)
        {
            return null;
        }

        return new Contact
        {
            Id = _scalars.GetValueOrDefault("id"),
            Name = _scalars.GetValueOrDefault("name"),
            FirstName = _scalars.GetValueOrDefault("firstName"),
            LastName = _scalars.GetValueOrDefault("lastName"),
            Phone = _scalars.GetValueOrDefault("phone"),
            Email = _scalars.GetValueOrDefault("email"),
            Web = _scalars.GetValueOrDefault("web"),
            Notes = _scalars.GetValueOrDefault("notes"),
            ResponsibleUserId = _scalars.GetValueOrDefault("responsibleUserId"),
            Groups = [.. _groups],
            Channels = channel is null ? [.. _channels] : [.. _channels, channel],
        };
    }

    private ContactChannel? FlatChannel()
    {
        var chatType = _scalars.GetValueOrDefault("chatType");
        var chatId = _scalars.GetValueOrDefault("chatId");
        var username = _scalars.GetValueOrDefault("username");
        var phone = _scalars.GetValueOrDefault("chatPhone");
        if (chatType is null && chatId is null)
        {
            if (username is not null || phone is not null)
            {
                Errors.Add("username and chatPhone belong to a channel: give chatType and chatId too");
            }

            return null;
        }

        if (chatType is null || chatId is null)
        {
            Errors.Add(chatType is null ? "chatId needs chatType (whatsapp, telegram, viber, ...)" : "chatType needs chatId");
            return null;
        }

        return new ContactChannel { ChatType = new ChatType(chatType), ChatId = chatId, Username = username, Phone = phone };
    }

    private void AddChannel(JsonElement channel, int index)
    {
        if (channel.ValueKind != JsonValueKind.Object)
        {
            Errors.Add($"channels[{index}] must be an object, not {Describe(channel.ValueKind)}");
            return;
        }

        string? chatType = null, chatId = null, username = null, phone = null;
        foreach (var property in channel.EnumerateObject())
        {
            var value = property.Value.ValueKind == JsonValueKind.Null ? null : Scalar(property.Value, $"channels[{index}].{property.Name}");
            switch (Normalize(property.Name))
            {
                case "chattype": chatType = value; break;
                case "chatid": chatId = value; break;
                case "username": username = value; break;
                case "phone": phone = value; break;
                default:
                    Errors.Add($"channels[{index}]: unknown field '{property.Name}' (the fields are chatType, chatId, username, phone)");
                    break;
            }
        }

        if (string.IsNullOrEmpty(chatType) || string.IsNullOrEmpty(chatId))
        {
            Errors.Add($"channels[{index}] needs chatType and chatId");
            return;
        }

        _channels.Add(new ContactChannel { ChatType = new ChatType(chatType), ChatId = chatId, Username = username, Phone = phone });
    }

    private string? Scalar(JsonElement value, string field)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number:
                // A phone or an id written as a JSON number: keep its digits exactly as written.
                return value.GetRawText();
            case JsonValueKind.Null:
                return null;
            default:
                Errors.Add($"{field} must be a string, not {Describe(value.ValueKind)}");
                return null;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        _ => "null",
    };

    private static string Normalize(string name) =>
        string.Concat(name.Where(character => character is not ('-' or '_' or ' '))).ToLowerInvariant();
}
