namespace ContactsSpec.Conformance.Cases;

/// <summary>The conformance targets, in report order, with the names people and the command line use for them.</summary>
public static class ConformanceTargets
{
    /// <summary>Every target: the two generated clients, then the facade.</summary>
    public static IReadOnlyList<ConformanceTarget> All { get; } = [ConformanceTarget.NSwagClient, ConformanceTarget.KiotaClient, ConformanceTarget.Facade];

    /// <summary>The target's name in reports and messages: <c>NSwag client</c>, <c>Kiota client</c>, <c>facade</c>.</summary>
    public static string DisplayName(this ConformanceTarget target) => target switch
    {
        ConformanceTarget.NSwagClient => "NSwag client",
        ConformanceTarget.KiotaClient => "Kiota client",
        ConformanceTarget.Facade => "facade",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    /// <summary>The target's key on the command line and in JSON output: <c>nswag</c>, <c>kiota</c>, <c>facade</c>.</summary>
    public static string Key(this ConformanceTarget target) => target switch
    {
        ConformanceTarget.NSwagClient => "nswag",
        ConformanceTarget.KiotaClient => "kiota",
        ConformanceTarget.Facade => "facade",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    /// <summary>The target with <paramref name="key"/>, or null when no target has it.</summary>
    public static ConformanceTarget? FromKey(string key) =>
        All.Cast<ConformanceTarget?>().FirstOrDefault(target => string.Equals(target!.Value.Key(), key, StringComparison.Ordinal));
}
