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

    /// <summary>
    /// What the caller got, by type: <c>WammResult</c>, <c>no result</c>, <c>ApiException</c>,
    /// <c>WazzupV3ClientException&lt;ErrorResponse&gt;</c>, <c>ContactsException (Authentication)</c>.
    /// </summary>
    public string Describe() => Exception switch
    {
        ContactsException contacts => $"ContactsException ({contacts.Kind})",
        { } exception => TypeName(exception.GetType()),
        null when ResultType is null => "no result",
        null => TypeName(Result?.GetType() ?? ResultType),
    };

    private static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;
}
