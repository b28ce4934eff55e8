namespace ContactsSpec;

/// <summary>A contact's account in one messenger.</summary>
public sealed record ContactChannel
{
    /// <summary>The messenger.</summary>
    public required ChatType ChatType { get; init; }

    /// <summary>The contact's id in that messenger (for WhatsApp and Viber: the phone number, digits only).</summary>
    public required string ChatId { get; init; }

    /// <summary>Telegram username without <c>@</c>; may stand in for the chat id where the provider allows it.</summary>
    public string? Username { get; init; }

    /// <summary>Phone number, digits only with the country code (Telegram, MAX).</summary>
    public string? Phone { get; init; }
}
