namespace ContactsSpec;

/// <summary>One invalid field of one input item.</summary>
/// <param name="Index">The item's position in the caller's input (0 for single-item calls).</param>
/// <param name="Field">The field, as the domain model names it (<c>Name</c>, <c>Channels[0].ChatId</c>) or, from a provider report, as the provider does.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ContactFieldError(int Index, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"item {Index}, {Field}: {Message}";
}
