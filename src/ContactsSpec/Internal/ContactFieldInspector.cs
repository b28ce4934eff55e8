namespace ContactsSpec.Internal;

/// <summary>Which fields of a contact carry a value, and which of those a provider cannot store.</summary>
internal static class ContactFieldInspector
{
    /// <summary>
    /// The fields that carry a value but are not among <paramref name="stored"/>, in <see cref="ContactField"/> order;
    /// an empty list, allocated once for all, when every set field is stored (nearly every contact sent).
    /// </summary>
    public static IReadOnlyList<ContactField> NotStored(Contact contact, IReadOnlySet<ContactField> stored)
    {
        List<ContactField>? notStored = null;
        Check(HasText(contact.Id), ContactField.Id);
        Check(HasText(contact.Name), ContactField.Name);
        Check(HasText(contact.FirstName), ContactField.FirstName);
        Check(HasText(contact.LastName), ContactField.LastName);
        Check(HasText(contact.Phone), ContactField.Phone);
        Check(HasText(contact.Email), ContactField.Email);
        Check(HasText(contact.Web), ContactField.Web);
        Check(HasText(contact.Notes), ContactField.Notes);
        Check(contact.Channels.Count > 0, ContactField.Channels);
        Check(contact.Groups.Count > 0, ContactField.Groups);
        Check(HasText(contact.ResponsibleUserId), ContactField.ResponsibleUserId);
        return notStored is null ? [] : notStored;

        void Check(bool isSet, ContactField field)
        {
            if (isSet && !stored.Contains(field))
            {
                (notStored ??= []).Add(field);
            }
        }
    }

    public static bool HasText(string? value) => !string.IsNullOrWhiteSpace(value);

    /// <summary>The value, or null when it is blank: blank counts as unset, here as in <see cref="NotStored"/>.</summary>
    public static string? TextOrNull(string? value) => HasText(value) ? value : null;
}
