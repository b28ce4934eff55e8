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
}
