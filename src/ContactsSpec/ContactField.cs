namespace ContactsSpec;

/// <summary>The fields of a <see cref="Contact"/>, for capability and validation reports.</summary>
public enum ContactField
{
    /// <summary><see cref="Contact.Id"/>.</summary>
    Id,

    /// <summary><see cref="Contact.Name"/>.</summary>
    Name,

    /// <summary><see cref="Contact.FirstName"/>.</summary>
    FirstName,

    /// <summary><see cref="Contact.LastName"/>.</summary>
    LastName,

    /// <summary><see cref="Contact.Phone"/>.</summary>
    Phone,

    /// <summary><see cref="Contact.Email"/>.</summary>
    Email,

    /// <summary><see cref="Contact.Web"/>.</summary>
    Web,

    /// <summary><see cref="Contact.Notes"/>.</summary>
    Notes,

    /// <summary><see cref="Contact.Channels"/>.</summary>
    Channels,

    /// <summary><see cref="Contact.Groups"/>.</summary>
    Groups,

    /// <summary><see cref="Contact.ResponsibleUserId"/>.</summary>
    ResponsibleUserId,
}
