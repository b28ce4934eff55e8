using System.Text.Json;
using System.Text.Json.Nodes;
using ContactsSpec.Clients.Wamm;
using ContactsSpec.Clients.WazzupV3;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Conformance.Verification;

namespace ContactsSpec.Conformance.Tests;

/// <summary>The outcome check and the JSON comparison behind it catch lost, renamed and retyped fields.</summary>
[TestFixture]
public sealed class OutcomeVerifierTests
{
    [Test]
    public async Task A_result_whose_error_text_differs_from_the_document_fails()
    {
        var @case = await CaseAsync("wamm/contactTo/200/token-fail");
        var result = new WammResult { Err = JsonSerializer.SerializeToElement("token failed") };

        var problems = OutcomeVerifier.Verify(@case, new InvocationOutcome(result, typeof(WammResult), null));

        Assert.That(problems, Has.Some.Contains("$.err"));
    }

    [Test]
    public async Task A_result_for_a_documented_error_status_fails()
    {
        var @case = await CaseAsync("wazzup-v3/upsertContacts/400/too-mach-entities");

        var problems = OutcomeVerifier.Verify(@case, new InvocationOutcome(null, null, null));

        Assert.That(problems, Has.Some.StartsWith("expected the client's exception for HTTP 400"));
    }

    [Test]
    public async Task An_error_body_with_another_code_fails()
    {
        var @case = await CaseAsync("wazzup-v3/upsertContacts/400/too-mach-entities");
        var body = new ErrorResponse { Error = "TOO_MANY_ENTITIES", Description = "Too mach entities per request.", Data = JsonNode.Parse("{\"count\":123,\"limit\":100}") };
        var exception = new WazzupV3ClientException<ErrorResponse>("bad request", 400, null, new Dictionary<string, IEnumerable<string>>(), body, null);

        var problems = OutcomeVerifier.Verify(@case, new InvocationOutcome(null, null, exception));

        Assert.That(problems, Is.EqualTo(new[] { "typed error body: $.error: expected \"TOO_MACH_ENTITIES\", got \"TOO_MANY_ENTITIES\"" }));
    }

    [TestCase("{\"a\":1}", "{\"a\":1.0}", true, TestName = "Numbers compare by value")]
    [TestCase("{\"a\":1}", "{\"a\":1,\"b\":null}", true, TestName = "An unset optional property written as null is allowed")]
    [TestCase("{\"a\":null}", "{\"a\":null}", true, TestName = "A documented null must stay null")]
    [TestCase("{\"err\":0}", "{\"err\":\"0\"}", false, TestName = "A retyped field fails")]
    [TestCase("{\"a\":1,\"b\":2}", "{\"a\":1}", false, TestName = "A lost field fails")]
    [TestCase("{\"a\":1}", "{\"A\":1}", false, TestName = "A renamed field fails")]
    [TestCase("{\"a\":1}", "{\"a\":1,\"b\":2}", false, TestName = "An invented field fails")]
    [TestCase("[1,2]", "[2,1]", false, TestName = "Array order matters")]
    public void Json_equivalence(string expected, string actual, bool equivalent)
    {
        var differences = JsonEquivalence.Differences(JsonNode.Parse(expected), JsonNode.Parse(actual));

        Assert.That(differences, equivalent ? Is.Empty : Is.Not.Empty);
    }

    private static async Task<ConformanceCase> CaseAsync(string id) => (await ConformanceSuite.CasesAsync()).Single(@case => @case.Id == id);
}
