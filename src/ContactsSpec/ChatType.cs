namespace ContactsSpec;

/// <summary>
/// A messenger chat type (<c>whatsapp</c>, <c>telegram</c>, ...). An open set: providers add types, so any
/// value is accepted and survives a round trip unchanged; the known ones are static members.
/// </summary>
public readonly record struct ChatType
{
    /// <summary>A chat type from its wire value.</summary>
    public ChatType(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>WhatsApp; the chat id is the phone number, digits only.</summary>
    public static ChatType WhatsApp { get; } = new("whatsapp");

    /// <summary>A WhatsApp group.</summary>
    public static ChatType WhatsGroup { get; } = new("whatsgroup");

    /// <summary>Viber; the chat id is the phone number, digits only.</summary>
    public static ChatType Viber { get; } = new("viber");

    /// <summary>Instagram; the chat id is the account name without <c>@</c>.</summary>
    public static ChatType Instagram { get; } = new("instagram");

    /// <summary>Telegram.</summary>
    public static ChatType Telegram { get; } = new("telegram");

    /// <summary>A Telegram group.</summary>
    public static ChatType TeleGroup { get; } = new("telegroup");

    /// <summary>VK.</summary>
    public static ChatType Vk { get; } = new("vk");

    /// <summary>Avito.</summary>
    public static ChatType Avito { get; } = new("avito");

    /// <summary>MAX.</summary>
    public static ChatType Max { get; } = new("max");

    /// <summary>A MAX group.</summary>
    public static ChatType MaxGroup { get; } = new("maxgroup");

    /// <summary>The wire value, exactly as the provider sends it.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <inheritdoc />
    public override string ToString() => Value;
}
