using ContactsSpec.Conformance.Cases;

namespace ContactsSpec.Conformance.Running;

/// <summary>How one conformance case went.</summary>
/// <param name="Case">The case.</param>
/// <param name="Target">What the case called: the NSwag client, the Kiota client or the facade.</param>
/// <param name="Problems">Every way the outcome or the request broke the spec; empty when the case passed.</param>
/// <param name="Duration">Wall time of the case.</param>
public sealed record ConformanceResult(ConformanceCase Case, ConformanceTarget Target, IReadOnlyList<string> Problems, TimeSpan Duration)
{
    /// <summary>What the caller got (<see cref="Invocation.InvocationOutcome.Describe"/>); empty when the call could not be judged.</summary>
    public string Outcome { get; init; } = string.Empty;

    /// <summary>Whether the case passed.</summary>
    public bool Passed => Problems.Count == 0;

    /// <summary>The problems as one text, or <c>pass</c>.</summary>
    public string Reason => Passed ? "pass" : string.Join(Environment.NewLine, Problems);
}
