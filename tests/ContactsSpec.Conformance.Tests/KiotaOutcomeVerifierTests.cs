using System.Text.Json.Nodes;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Conformance.Verification;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using KiotaV3 = ContactsSpec.Clients.WazzupV3.Kiota.Models;
using KiotaWamm = ContactsSpec.Clients.Wamm.Kiota.Models;

namespace ContactsSpec.Conformance.Tests;

/// <summary>The Kiota outcome check catches a lost code, a result where an error was documented, and an untyped error body.</summary>
[TestFixture]
public sealed class KiotaOutcomeVerifierTests
{
    [Test]
    public async Task A_result_whose_error_text_differs_from_the_document_fails()
    {
        var @case = await CaseAsync("wamm/contactTo/200/token-fail");
        var result = new KiotaWamm.WammResult { Err = new UntypedString("token failed") };

        var problems = await KiotaOutcomeVerifier.VerifyAsync(@case, new InvocationOutcome(result, typeof(KiotaWamm.WammResult), null), CancellationToken.None);

        Assert.That(problems, Has.Some.Contains("$.err"));
    }

    [Test]
    public async Task A_result_for_a_documented_error_status_fails()
    {
        var @case = await CaseAsync("wazzup-v3/upsertContacts/400/too-mach-entities");

        var problems = await KiotaOutcomeVerifier.VerifyAsync(@case, new InvocationOutcome(null, null, null), CancellationToken.None);

        Assert.That(problems, Has.Some.StartsWith("expected Kiota's ApiException for HTTP 400"));
    }

    [Test]
    public async Task An_untyped_ApiException_for_a_documented_error_body_fails()
    {
        var @case = await CaseAsync("wazzup-v3/upsertContacts/400/too-mach-entities");

        var problems = await KiotaOutcomeVerifier.VerifyAsync(@case, new InvocationOutcome(null, null, new ApiException("bad request") { ResponseStatusCode = 400 }), CancellationToken.None);

        Assert.That(problems, Is.EqualTo(new[] { "the documented error body has no typed model: got ApiException, which holds no body" }));
    }

    [Test]
    public async Task A_typed_error_with_another_status_or_code_fails()
    {
        var @case = await CaseAsync("wazzup-v3/upsertContacts/400/too-mach-entities");
        var error = new KiotaV3.ErrorResponse
        {
            ResponseStatusCode = 422,
            Error = "TOO_MANY_ENTITIES",
            Description = "Too mach entities per request.",
            DataEscaped = new UntypedObject(new Dictionary<string, UntypedNode> { ["count"] = new UntypedInteger(123), ["limit"] = new UntypedInteger(100) }),
        };

        var problems = await KiotaOutcomeVerifier.VerifyAsync(@case, new InvocationOutcome(null, null, error), CancellationToken.None);

        Assert.That(problems, Is.EqualTo(new[]
        {
            "ApiException carries HTTP 422, expected 400",
            "typed error body: $.error: expected \"TOO_MACH_ENTITIES\", got \"TOO_MANY_ENTITIES\"",
        }));
    }

    [TestCase("{\"a\":null}", "{}", true, TestName = "A documented null Kiota leaves out is allowed")]
    [TestCase("{\"a\":0}", "{}", false, TestName = "A documented value Kiota leaves out fails")]
    public void Json_equivalence_for_a_writer_that_leaves_nulls_out(string expected, string actual, bool equivalent)
    {
        var differences = JsonEquivalence.Differences(JsonNode.Parse(expected), JsonNode.Parse(actual), absentIsNull: true);

        Assert.That(differences, equivalent ? Is.Empty : Is.Not.Empty);
    }

    private static async Task<ConformanceCase> CaseAsync(string id) => (await ConformanceSuite.CasesAsync()).Single(@case => @case.Id == id);
}
