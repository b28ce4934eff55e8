namespace ContactsSpec.Specs.Tests;

/// <summary>What a provider's docs state, as recorded in TestData/documented-facts.json.</summary>
internal sealed record DocumentedFacts(
    string Host,
    IReadOnlyList<string> Routes,
    IReadOnlyList<string> Credentials,
    IReadOnlyList<string> Errors,
    IReadOnlyList<int> ErrorStatuses);
