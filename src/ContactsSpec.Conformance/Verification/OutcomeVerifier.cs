using System.Text.Json;
using System.Text.Json.Nodes;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Invocation;

namespace ContactsSpec.Conformance.Verification;

/// <summary>
/// Judges what a generated client made of a documented response. A 2xx must give a typed result whose
/// re-serialisation equals the body; any other status must give the client's exception carrying that status and
/// the error body in its typed model. Errors carried inside a 2xx body (WAMM's <c>err</c>, WaSMS's <c>status</c>)
/// are 2xx results here: the typed model must hold the code verbatim, which the equality shows.
/// </summary>
public static class OutcomeVerifier
{
    /// <summary>Every way the outcome differs from the case's documented response; empty when it conforms.</summary>
    public static IReadOnlyList<string> Verify(ConformanceCase @case, InvocationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(outcome);
        var expectedBody = @case.ResponseBody;
        return @case.IsSuccessStatus ? VerifyResult(expectedBody, outcome) : VerifyError(@case, expectedBody, outcome);
    }

    private static List<string> VerifyResult(JsonNode? expectedBody, InvocationOutcome outcome)
    {
        if (MissingResult(expectedBody, outcome, "generated") is { } problem)
        {
            return [problem];
        }

        // MissingResult has reported a documented body without a result type: here, either nothing is documented or both are there.
        if (expectedBody is null || outcome.ResultType is not { } resultType)
        {
            return [];
        }

        var actual = System.Text.Json.JsonSerializer.SerializeToNode(outcome.Result, resultType);
        return [.. JsonEquivalence.Differences(expectedBody, actual).Select(difference => $"typed result: {difference}")];
    }

    private static List<string> VerifyError(ConformanceCase @case, JsonNode? expectedBody, InvocationOutcome outcome)
    {
        if (outcome.Exception is null)
        {
            return [$"expected the client's exception for HTTP {@case.Status}, got a result"];
        }

        var exceptionType = outcome.Exception.GetType();
        var status = exceptionType.GetProperty("StatusCode")?.GetValue(outcome.Exception) as int?;
        if (status is null)
        {
            return [$"expected the client's exception for HTTP {@case.Status}, got {Describe(outcome.Exception)}"];
        }

        var problems = new List<string>();
        if (status != @case.Status)
        {
            problems.Add($"exception carries HTTP {status}, expected {@case.Status}");
        }

        if (expectedBody is not null)
        {
            var resultProperty = exceptionType.IsGenericType ? exceptionType.GetProperty("Result") : null;
            if (resultProperty is null)
            {
                problems.Add($"the documented error body has no typed model: got {exceptionType.Name} without a Result");
            }
            else
            {
                var actual = System.Text.Json.JsonSerializer.SerializeToNode(resultProperty.GetValue(outcome.Exception), resultProperty.PropertyType);
                problems.AddRange(JsonEquivalence.Differences(expectedBody, actual).Select(difference => $"typed error body: {difference}"));
            }
        }

        return problems;
    }

    /// <summary>
    /// For a documented 2xx, what every generated client (NSwag's, Kiota's) must have got before its result is compared:
    /// the problem when the call threw, or returned nothing where a body is documented; else null.
    /// </summary>
    internal static string? MissingResult(JsonNode? expectedBody, InvocationOutcome outcome, string client) =>
        outcome.Exception is not null ? $"expected a typed result, got {Describe(outcome.Exception)}"
        : expectedBody is not null && outcome.ResultType is null ? $"the documented response has a body, but the {client} method returns no result"
        : null;

    /// <summary>An exception as a problem names it: its type and the first line of its message.</summary>
    internal static string Describe(Exception exception) =>
        $"{exception.GetType().Name}: {exception.Message.Split('\n')[0]}";
}
