using System.Globalization;

namespace ContactsSpec.Internal;

/// <summary>Small checks the adapters compose into their providers' validation rules.</summary>
internal static class ContactConstraints
{
    public static void Required(string? value, int index, string field, ICollection<ContactFieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new ContactFieldError(index, field, "is required"));
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
        if (!string.IsNullOrEmpty(value) && !value.All(char.IsAsciiDigit))
        {
            errors.Add(new ContactFieldError(index, field, "must be digits only (country code included, no '+' or spaces)"));
        }
    }

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

    /// <summary>Every text field of a contact, by the name the domain model gives it, for checks that apply to all of them.</summary>
    public static IEnumerable<(string Field, string? Value)> TextFields(Contact contact)
    {
        yield return (nameof(Contact.Id), contact.Id);
        yield return (nameof(Contact.Name), contact.Name);
        yield return (nameof(Contact.FirstName), contact.FirstName);
        yield return (nameof(Contact.LastName), contact.LastName);
        yield return (nameof(Contact.Phone), contact.Phone);
        yield return (nameof(Contact.Email), contact.Email);
        yield return (nameof(Contact.Web), contact.Web);
        yield return (nameof(Contact.Notes), contact.Notes);
        yield return (nameof(Contact.ResponsibleUserId), contact.ResponsibleUserId);
        for (var position = 0; position < contact.Groups.Count; position++)
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"{nameof(Contact.Groups)}[{position}]"), contact.Groups[position]);
        }

        for (var position = 0; position < contact.Channels.Count; position++)
        {
            var channel = contact.Channels[position];
            var field = string.Create(CultureInfo.InvariantCulture, $"{nameof(Contact.Channels)}[{position}]");
            yield return ($"{field}.{nameof(ContactChannel.ChatType)}", channel.ChatType.Value);
            yield return ($"{field}.{nameof(ContactChannel.ChatId)}", channel.ChatId);
            yield return ($"{field}.{nameof(ContactChannel.Username)}", channel.Username);
            yield return ($"{field}.{nameof(ContactChannel.Phone)}", channel.Phone);
        }
    }

    /// <summary>
    /// An id given on its own (read, delete): required, well-formed, and not <c>.</c> or <c>..</c>, which as a URL
    /// path segment would name another resource (the URI parser removes dot segments).
    /// </summary>
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
        if (value is not null && value.Any(character => char.IsControl(character) && !(allowLineBreaks && character is '\r' or '\n' or '\t')))
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
            var field = string.Create(CultureInfo.InvariantCulture, $"{nameof(Contact.Channels)}[{position}]");
            Required(channel.ChatType.Value, index, $"{field}.{nameof(ContactChannel.ChatType)}", errors);
            Required(channel.ChatId, index, $"{field}.{nameof(ContactChannel.ChatId)}", errors);
            if (channel.ChatType == ChatType.WhatsApp || channel.ChatType == ChatType.Viber)
            {
                Digits(channel.ChatId, index, $"{field}.{nameof(ContactChannel.ChatId)}", errors);
            }

            Digits(channel.Phone, index, $"{field}.{nameof(ContactChannel.Phone)}", errors);
            if (channel.Username?.StartsWith('@') == true)
            {
                errors.Add(new ContactFieldError(index, $"{field}.{nameof(ContactChannel.Username)}", "is written without the leading '@'"));
            }
        }
    }
}
