namespace ContactsSpec;

/// <summary>What to do with a contact field the provider cannot store.</summary>
public enum UnsupportedFieldPolicy
{
    /// <summary>Fail before sending with <see cref="ContactsErrorKind.InvalidInput"/> naming the field (default: no surprises).</summary>
    Reject,

    /// <summary>Send what the provider can store and list the rest in the result's <c>NotStored</c>; a warning is logged.</summary>
    Report,
}
