namespace ContactsSpec;

/// <summary>The outcome of writing one contact.</summary>
/// <param name="Id">The provider-side id the contact was written under (Wawp: its chat id); null where the provider assigns ids without returning them (WaSMS).</param>
/// <param name="Outcome">Created, updated, or not said by the provider.</param>
/// <param name="NotStored">Fields the caller set that the provider cannot store (reported under <see cref="UnsupportedFieldPolicy.Report"/>).</param>
public sealed record ContactWriteResult(string? Id, ContactWriteOutcome Outcome, IReadOnlyList<ContactField> NotStored);
