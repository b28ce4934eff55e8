using System.Collections;
using System.Text.Json.Nodes;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Invocation;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace ContactsSpec.Conformance.Verification;

/// <summary>
/// Judges what a Kiota client made of a documented response, by the same rule as <see cref="OutcomeVerifier"/>: a 2xx
/// must give a typed result whose re-serialisation (Kiota's own JSON writer, which leaves null properties out) equals
/// the body; any other status must
/// reach the caller as Kiota's <see cref="ApiException"/> with that status, and a documented error body as the typed
/// error model Kiota maps the status to, holding the body (and so the provider's code) verbatim.
/// </summary>
public static class KiotaOutcomeVerifier
{
    /// <summary>Every way the outcome differs from the case's documented response; empty when it conforms.</summary>
    public static async Task<IReadOnlyList<string>> VerifyAsync(ConformanceCase @case, InvocationOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(outcome);
        var expectedBody = @case.ResponseBody;
        return @case.IsSuccessStatus
            ? await VerifyResultAsync(expectedBody, outcome, cancellationToken).ConfigureAwait(false)
            : await VerifyErrorAsync(@case, expectedBody, outcome, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<string>> VerifyResultAsync(JsonNode? expectedBody, InvocationOutcome outcome, CancellationToken cancellationToken)
    {
        if (OutcomeVerifier.MissingResult(expectedBody, outcome, "Kiota") is { } problem)
        {
            return [problem];
        }

        if (expectedBody is null)
        {
            return [];
        }

        var actual = await SerializeAsync(outcome.Result, cancellationToken).ConfigureAwait(false);
        return [.. JsonEquivalence.Differences(expectedBody, actual, absentIsNull: true).Select(difference => $"typed result: {difference}")];
    }

    private static async Task<List<string>> VerifyErrorAsync(ConformanceCase @case, JsonNode? expectedBody, InvocationOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not ApiException error)
        {
            return [outcome.Exception is null
                ? $"expected Kiota's ApiException for HTTP {@case.Status}, got a result"
                : $"expected Kiota's ApiException for HTTP {@case.Status}, got {OutcomeVerifier.Describe(outcome.Exception)}"];
        }

        var problems = new List<string>();
        if (error.ResponseStatusCode != @case.Status)
        {
            problems.Add($"ApiException carries HTTP {error.ResponseStatusCode}, expected {@case.Status}");
        }

        if (expectedBody is not null)
        {
            if (error is IParsable typed)
            {
                var actual = await SerializeAsync(typed, cancellationToken).ConfigureAwait(false);
                problems.AddRange(JsonEquivalence.Differences(expectedBody, actual, absentIsNull: true).Select(difference => $"typed error body: {difference}"));
            }
            else
            {
                problems.Add($"the documented error body has no typed model: got {error.GetType().Name}, which holds no body");
            }
        }

        return problems;
    }

    // Kiota's own JSON writer for its models (made here, not looked up in the registry a client fills as it is
    // constructed); a list of scalars is plain JSON.
    private static async Task<JsonNode?> SerializeAsync(object? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            return null;
        }

        using var writer = new JsonSerializationWriter();
        switch (value)
        {
            case IParsable parsable:
                writer.WriteObjectValue(null, parsable);
                break;
            case IEnumerable items and not string when items.Cast<object>().All(item => item is IParsable):
                writer.WriteCollectionOfObjectValues(null, items.Cast<IParsable>());
                break;
            default:
                return System.Text.Json.JsonSerializer.SerializeToNode(value, value.GetType());
        }

        using var content = writer.GetSerializedContent();
        return await JsonNode.ParseAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
