namespace ContactsSpec.Specs.Tests;

/// <summary>What a provider's docs state, as recorded in TestData/documented-facts.json.</summary>
/// <param name="Host">The API's base address (the spec's only server).</param>
/// <param name="Pages">The provider's public documentation pages a spec's <c>x-source.page</c> may cite.</param>
/// <param name="Routes">Every documented route, as <c>METHOD /path</c>.</param>
/// <param name="Credentials">Where the docs put credentials.</param>
/// <param name="Errors">Every error string or code the docs list, verbatim.</param>
/// <param name="ErrorStatuses">HTTP statuses the docs name for errors.</param>
/// <param name="DocumentedStatuses">By operationId, the HTTP statuses the cited pages give for it.</param>
/// <param name="DocumentedConstraints">
/// The constraints the cited pages state, named as <see cref="StatedFacts"/> names them (<c>Contact.id maxLength 100</c>),
/// each with where on the page it is stated.
/// </param>
/// <param name="LeftOut">
/// Routes a public source names that the spec leaves out, as <c>METHOD /path</c>; its <c>info.x-left-out</c> says why.
/// </param>
internal sealed record DocumentedFacts(
    string Host,
    IReadOnlyList<string> Pages,
    IReadOnlyList<string> Routes,
    IReadOnlyList<string> Credentials,
    IReadOnlyList<string> Errors,
    IReadOnlyList<int> ErrorStatuses,
    IReadOnlyDictionary<string, IReadOnlyList<int>> DocumentedStatuses,
    IReadOnlyDictionary<string, string> DocumentedConstraints,
    IReadOnlyList<string> LeftOut);
