namespace ContactsSpec;

/// <summary>The outcome of one input item of a batch operation.</summary>
/// <param name="Index">The item's position in the caller's input.</param>
/// <param name="Key">The item's id (or, for contacts without one, its phone), for the caller's logs.</param>
/// <param name="Status">Succeeded, failed, not attempted, or sent with an unknown outcome.</param>
/// <param name="Error">Why it failed, why it was not attempted, or why its outcome is unknown; null when it succeeded.</param>
/// <param name="NotStored">Fields the provider could not store (reported under <see cref="UnsupportedFieldPolicy.Report"/>).</param>
public sealed record ContactBatchItemResult(int Index, string? Key, ContactBatchItemStatus Status, ContactsException? Error, IReadOnlyList<ContactField> NotStored);
