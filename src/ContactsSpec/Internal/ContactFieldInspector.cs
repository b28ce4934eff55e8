namespace ContactsSpec.Internal;

/// <summary>Which fields of a contact carry a value.</summary>
internal static class ContactFieldInspector
{
    public static IEnumerable<ContactField> SetFields(Contact contact)
    {
        if (HasText(contact.Id))
        {
            yield return ContactField.Id;
        }

        if (HasText(contact.Name))
        {
            yield return ContactField.Name;
        }

        if (HasText(contact.FirstName))
        {
            yield return ContactField.FirstName;
        }

        if (HasText(contact.LastName))
        {
            yield return ContactField.LastName;
        }

        if (HasText(contact.Phone))
        {
            yield return ContactField.Phone;
        }

        if (HasText(contact.Email))
        {
            yield return ContactField.Email;
        }

        if (HasText(contact.Web))
        {
            yield return ContactField.Web;
        }

        if (HasText(contact.Notes))
        {
            yield return ContactField.Notes;
        }

        if (contact.Channels.Count > 0)
        {
            yield return ContactField.Channels;
        }

        if (contact.Groups.Count > 0)
        {
            yield return ContactField.Groups;
        }

        if (HasText(contact.ResponsibleUserId))
        {
            yield return ContactField.ResponsibleUserId;
        }
    }

    public static bool HasText(string? value) => !string.IsNullOrWhiteSpace(value);

    /// <summary>The value, or null when it is blank: blank counts as unset, here as in <see cref="SetFields"/>.</summary>
    public static string? TextOrNull(string? value) => HasText(value) ? value : null;
}
