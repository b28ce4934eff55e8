namespace ContactsSpec.Conformance.Invocation;

/// <summary>What a generated client's operation returned or threw.</summary>
/// <param name="Result">The returned value; null for operations without a result, or when it threw.</param>
/// <param name="ResultType">The declared result type, or null for operations without a result.</param>
/// <param name="Exception">What it threw, or null.</param>
public sealed record InvocationOutcome(object? Result, Type? ResultType, Exception? Exception)
{
    /// <summary>
    /// For a facade call that failed: whether the operation it failed in is safe to send twice, as the facade itself
    /// judges it (a WaSMS creation is not). True where that does not apply.
    /// </summary>
    public bool SafeToRepeat { get; init; } = true;
}
