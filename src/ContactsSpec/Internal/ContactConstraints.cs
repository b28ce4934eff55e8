using System.Globalization;

namespace ContactsSpec.Internal;

/// <summary>Small checks the adapters compose into their providers' validation rules.</summary>
internal static class ContactConstraints
{
    private const string IsRequired = "is required";
    private const string DigitsOnly = "must be digits only (country code included, no '+' or spaces)";

    public static void Required(string? value, int index, string field, ICollection<ContactFieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new ContactFieldError(index, field, IsRequired));
        }
    }

    public static void MaxLength(string? value, int maxLength, int index, string field, ICollection<ContactFieldError> errors)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors.Add(new ContactFieldError(index, field, string.Create(CultureInfo.InvariantCulture, $"is {value.Length} characters, at most {maxLength} allowed")));
        }
    }

    public static void Digits(string? value, int index, string field, ICollection<ContactFieldError> errors)
    {
        if (!IsDigits(value))
        {
            errors.Add(new ContactFieldError(index, field, DigitsOnly));
        }
    }

    // Empty passes: whether a value is required is checked on its own.
    private static bool IsDigits(string? value) => string.IsNullOrEmpty(value) || !value.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>
    /// Rejects text that is not well-formed UTF-16 (a lone surrogate): it cannot be encoded for the wire, and would
    /// arrive as U+FFFD instead of what was given.
    /// </summary>
    public static void WellFormed(string? value, int index, string field, ICollection<ContactFieldError> errors)
    {
        if (!IsWellFormed(value))
        {
            errors.Add(new ContactFieldError(index, field, "is not well-formed Unicode (it holds a lone surrogate), so it cannot be sent as given"));
        }
    }

    /// <summary>
    /// Applies <see cref="WellFormed"/> to every text field of a contact. A field's name (<c>Channels[2].ChatId</c>) is
    /// built only for a value that fails: this runs for every contact sent, and nearly every value passes.
    /// </summary>
    public static void AllWellFormed(Contact contact, int index, ICollection<ContactFieldError> errors)
    {
        Check(contact.Id, nameof(Contact.Id));
        Check(contact.Name, nameof(Contact.Name));
        Check(contact.FirstName, nameof(Contact.FirstName));
        Check(contact.LastName, nameof(Contact.LastName));
        Check(contact.Phone, nameof(Contact.Phone));
        Check(contact.Email, nameof(Contact.Email));
        Check(contact.Web, nameof(Contact.Web));
        Check(contact.Notes, nameof(Contact.Notes));
        Check(contact.ResponsibleUserId, nameof(Contact.ResponsibleUserId));
        for (var position = 0; position < contact.Groups.Count; position++)
        {
            if (!IsWellFormed(contact.Groups[position]))
            {
                WellFormed(contact.Groups[position], index, string.Create(CultureInfo.InvariantCulture, $"{nameof(Contact.Groups)}[{position}]"), errors);
            }
        }

        for (var position = 0; position < contact.Channels.Count; position++)
        {
            var channel = contact.Channels[position];
            ChannelCheck(channel.ChatType.Value, position, nameof(ContactChannel.ChatType));
            ChannelCheck(channel.ChatId, position, nameof(ContactChannel.ChatId));
            ChannelCheck(channel.Username, position, nameof(ContactChannel.Username));
            ChannelCheck(channel.Phone, position, nameof(ContactChannel.Phone));
        }

        void Check(string? value, string field) => WellFormed(value, index, field, errors);

        void ChannelCheck(string? value, int position, string member)
        {
            if (!IsWellFormed(value))
            {
                WellFormed(value, index, string.Create(CultureInfo.InvariantCulture, $"{nameof(Contact.Channels)}[{position}].{member}"), errors);
            }
        }
    }

    public static void Id(string? value, int index, string field, ICollection<ContactFieldError> errors)
    {
        Required(value, index, field, errors);
        WellFormed(value, index, field, errors);
        if (value is "." or "..")
        {
            errors.Add(new ContactFieldError(index, field, "must not be '.' or '..': in a URL path it would name another resource"));
        }
    }

    public static bool IsWellFormed(string? value)
    {
        if (value is null)
        {
            return true;
        }

        for (var position = 0; position < value.Length; position++)
        {
            if (char.IsHighSurrogate(value[position]) && position + 1 < value.Length && char.IsLowSurrogate(value[position + 1]))
            {
                position++;
            }
            else if (char.IsSurrogate(value[position]))
            {
                return false;
            }
        }

        return true;
    }

    public static void NoControlCharacters(string? value, int index, string field, ICollection<ContactFieldError> errors, bool allowLineBreaks = false)
    {
        if (value is not null && HasControlCharacter(value, allowLineBreaks))
        {
            errors.Add(new ContactFieldError(index, field, allowLineBreaks ? "must not contain control characters other than line breaks and tabs" : "must not contain control characters"));
        }
    }

    /// <summary>
    /// Wazzup's channel rules (v3's contact model; v2 borrows them, as its spec marks): at least one channel, each
    /// with a chat type and chat id; WhatsApp and Viber chat ids are digits; phones are digits with the country
    /// code; usernames have no leading '@'.
    /// </summary>
    public static void WazzupChannels(IReadOnlyList<ContactChannel> channels, int index, ICollection<ContactFieldError> errors)
    {
        if (channels.Count == 0)
        {
            errors.Add(new ContactFieldError(index, nameof(Contact.Channels), "at least one channel is required"));
        }

        for (var position = 0; position < channels.Count; position++)
        {
            var channel = channels[position];
            if (string.IsNullOrWhiteSpace(channel.ChatType.Value))
            {
                Fail(position, nameof(ContactChannel.ChatType), IsRequired);
            }

            if (string.IsNullOrWhiteSpace(channel.ChatId))
            {
                Fail(position, nameof(ContactChannel.ChatId), IsRequired);
            }

            if ((channel.ChatType == ChatType.WhatsApp || channel.ChatType == ChatType.Viber) && !IsDigits(channel.ChatId))
            {
                Fail(position, nameof(ContactChannel.ChatId), DigitsOnly);
            }

            if (!IsDigits(channel.Phone))
            {
                Fail(position, nameof(ContactChannel.Phone), DigitsOnly);
            }

            if (channel.Username?.StartsWith('@') == true)
            {
                Fail(position, nameof(ContactChannel.Username), "is written without the leading '@'");
            }
        }

        // The field's name (Channels[2].ChatId) is built only for a value that fails: this runs for every contact sent.
        void Fail(int position, string member, string message) => errors.Add(new ContactFieldError(
            index, string.Create(CultureInfo.InvariantCulture, $"{nameof(Contact.Channels)}[{position}].{member}"), message));
    }

    private static bool HasControlCharacter(string value, bool allowLineBreaks)
    {
        foreach (var character in value)
        {
            if (char.IsControl(character) && !(allowLineBreaks && character is '\r' or '\n' or '\t'))
            {
                return true;
            }
        }

        return false;
    }
}
