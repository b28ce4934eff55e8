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
