namespace ContactsSpec;

/// <summary>What a successful write did, where the provider says.</summary>
public enum ContactWriteOutcome
{
    /// <summary>The provider did not say whether the contact was new.</summary>
    Written,

    /// <summary>A new contact was created.</summary>
    Created,

    /// <summary>An existing contact was updated.</summary>
    Updated,
}
