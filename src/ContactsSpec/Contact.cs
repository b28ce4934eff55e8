namespace ContactsSpec;

/// <summary>
/// A contact as every provider sees it. Each provider stores only some of these fields
/// (<see cref="ContactsCapabilities.StoredFields"/>); what happens to the others is set by
/// <see cref="ContactsClientOptions.UnsupportedFields"/>, and is never silent.
/// </summary>
public sealed record Contact
{
    /// <summary>The provider-side id: the CRM id for Wazzup, the phone for WAMM, the chat id for Wawp, the numeric id for WaSMS.</summary>
    public string? Id { get; init; }

    /// <summary>Display name. Where a provider keeps first and last names apart, it is used as the first name when they are not given.</summary>
    public string? Name { get; init; }

    /// <summary>First name (Wawp); joined with <see cref="LastName"/> into a display name elsewhere when <see cref="Name"/> is not given.</summary>
    public string? FirstName { get; init; }

    /// <summary>Last name.</summary>
    public string? LastName { get; init; }

    /// <summary>Phone number in international format.</summary>
    public string? Phone { get; init; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Web page: the contact's site (WAMM) or its page in the CRM (Wazzup).</summary>
    public string? Web { get; init; }

    /// <summary>Free-text note.</summary>
    public string? Notes { get; init; }

    /// <summary>Messenger accounts.</summary>
    public IReadOnlyList<ContactChannel> Channels { get; init; } = [];

    /// <summary>Group ids the contact belongs to.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Id of the user responsible for the contact.</summary>
    public string? ResponsibleUserId { get; init; }

    /// <summary>The display name: <see cref="Name"/>, or first and last name joined.</summary>
    public string? DisplayName =>
        !string.IsNullOrWhiteSpace(Name) ? Name
        : string.Join(' ', new[] { FirstName, LastName }.Where(part => !string.IsNullOrWhiteSpace(part))) is { Length: > 0 } joined ? joined
        : null;
}
