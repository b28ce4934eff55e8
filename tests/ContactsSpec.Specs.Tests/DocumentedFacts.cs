namespace ContactsSpec.Specs.Tests;

/// <summary>What a provider's docs state, as recorded in TestData/documented-facts.json.</summary>
/// <param name="Host">The API's base address (the spec's only server).</param>
/// <param name="Pages">The provider's public documentation pages a spec's <c>x-source.page</c> may cite.</param>
/// <param name="Routes">Every documented route, as <c>METHOD /path</c>.</param>
/// <param name="Credentials">Where the docs put credentials.</param>
/// <param name="Errors">Every error string or code the docs list, verbatim.</param>
/// <param name="ErrorStatuses">HTTP statuses the docs name for errors.</param>
internal sealed record DocumentedFacts(
    string Host,
    IReadOnlyList<string> Pages,
    IReadOnlyList<string> Routes,
    IReadOnlyList<string> Credentials,
    IReadOnlyList<string> Errors,
    IReadOnlyList<int> ErrorStatuses);
