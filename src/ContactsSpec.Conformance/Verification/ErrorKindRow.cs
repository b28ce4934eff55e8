namespace ContactsSpec.Conformance.Verification;

/// <summary>One row of docs/ERRORS.md: a documented provider error and the facade outcome it must give.</summary>
/// <param name="Provider">The provider key.</param>
/// <param name="Status">The HTTP status of the documented answer.</param>
/// <param name="Code">The provider's code or text, verbatim; null where only the status is documented.</param>
/// <param name="Kind">The <see cref="ContactsErrorKind"/> the facade must report.</param>
/// <param name="Retryable">Whether the facade must call it retryable.</param>
public sealed record ErrorKindRow(string Provider, int Status, string? Code, ContactsErrorKind Kind, bool Retryable)
{
    /// <inheritdoc />
    public override string ToString() => $"{Provider} {Status} {Code ?? "—"} → {Kind}{(Retryable ? " (retryable)" : string.Empty)}";
}
