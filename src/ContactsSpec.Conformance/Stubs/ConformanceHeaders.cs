namespace ContactsSpec.Conformance.Stubs;

/// <summary>Headers the conformance harness adds or reads; none of them is part of any provider's API.</summary>
public static class ConformanceHeaders
{
    /// <summary>
    /// Names the case a request belongs to. Several documented responses answer the very same request (WAMM's
    /// thirteen <c>contactTo</c> outcomes), so every stub also matches this header: all stubs load at once and
    /// cases run in parallel without resetting the server between them.
    /// </summary>
    public const string CaseId = "X-ContactsSpec-Case";

    /// <summary>Every stub's answer carries this header with the stub's title; its absence means no stub matched.</summary>
    public const string MatchedStub = "X-ContactsSpec-Stub";
}
