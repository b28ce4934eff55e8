using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Invocation;
using ContactsSpec.Internal;
using System.Text.Json.Nodes;
using ContactsSpec.Specs;

namespace ContactsSpec.Conformance.Verification;

/// <summary>
/// Judges what the facade made of a documented response. A response that docs/ERRORS.md lists must give a
/// <see cref="ContactsException"/> with that row's kind, code (verbatim), status and retryability (for a write not
/// safe to repeat, a failure after which the provider may have acted is OutcomeUnknown, as docs/ERRORS.md says); any other
/// documented response must give a result carrying what the body says. A documented error missing from the
/// table is itself a failure, so the table covers every documented error.
/// </summary>
public static class FacadeOutcomeVerifier
{
    /// <summary>Every way the outcome differs from what the table and the body say; empty when it conforms.</summary>
    public static IReadOnlyList<string> Verify(ConformanceCase @case, ErrorKindTable table, InvocationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(outcome);
        var row = table.Match(@case.Provider, @case.Status, @case.ResponseBody);
        var error = outcome.Exception ?? (outcome.Result as ContactBatchResult)?.Items.FirstOrDefault(item => item.Status != ContactBatchItemStatus.Succeeded && item.Error?.Kind != ContactsErrorKind.NotFound)?.Error;
        if (row is null)
        {
            if (!@case.IsSuccessStatus)
            {
                return [$"docs/ERRORS.md has no row for {@case.Provider} HTTP {@case.Status} with this body: every documented error needs one"];
            }

            return error is null ? VerifyResult(@case, outcome.Result) : [$"expected a result, got {Describe(error)}"];
        }

        if (error is not ContactsException contacts)
        {
            return [$"expected ContactsException {row.Kind} ('{row.Code ?? "—"}'), got {(error is null ? "a result" : Describe(error))}"];
        }

        // docs/ERRORS.md: a write not safe to repeat turns a failure after which the provider may have acted into OutcomeUnknown.
        var unknown = !outcome.SafeToRepeat && ContactsErrorFactory.MayHaveActed(row.Kind, @case.Status);
        var (kind, retryable, rule) = unknown
            ? (ContactsErrorKind.OutcomeUnknown, false, $"docs/ERRORS.md says {row.Kind}, which a write not safe to repeat reports as OutcomeUnknown")
            : (row.Kind, row.Retryable, $"docs/ERRORS.md says {row.Kind}");
        var problems = new List<string>();
        if (contacts.Kind != kind)
        {
            problems.Add($"Kind is {contacts.Kind}, {rule}");
        }

        if (contacts.ProviderCode != row.Code)
        {
            problems.Add($"ProviderCode is '{contacts.ProviderCode}', expected '{row.Code}' verbatim");
        }

        if (contacts.Status != @case.Status)
        {
            problems.Add($"Status is {contacts.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}, expected {@case.Status}");
        }

        if (contacts.IsRetryable != retryable)
        {
            problems.Add($"IsRetryable is {contacts.IsRetryable}, expected {retryable} ({rule})");
        }

        return problems;
    }

    private static List<string> VerifyResult(ConformanceCase @case, object? result)
    {
        var body = @case.ResponseBody;
        switch (result)
        {
            case IReadOnlyCollection<Contact> contacts:
                var problems = CountMatches(contacts.Count, body);
                if (@case.Kind == ConformanceCaseKind.UnknownChatType && contacts.SelectMany(contact => contact.Channels).Any(channel => channel.ChatType.Value != ConformanceCaseCatalog.UnknownChatType))
                {
                    problems.Add($"an unknown chat type did not survive: expected every channel to read '{ConformanceCaseCatalog.UnknownChatType}'");
                }

                return problems;
            case IReadOnlyCollection<ContactGroup> groups:
                return CountMatches(groups.Count, body);
            case Contact contact:
                var name = SpecJson.Text(Names(body).FirstOrDefault(value => value is null or JsonValue));
                var contactProblems = new List<string>();
                if (name is not null && contact.Name != name)
                {
                    contactProblems.Add($"contact name is '{contact.Name}', the body says '{name}'");
                }

                if (@case.Kind == ConformanceCaseKind.UnknownChatType && contact.Channels.Any(channel => channel.ChatType.Value != ConformanceCaseCatalog.UnknownChatType))
                {
                    contactProblems.Add($"an unknown chat type did not survive: expected '{ConformanceCaseCatalog.UnknownChatType}'");
                }

                return contactProblems;
            case ContactBatchResult batch:
                // Ids a bulk delete answers with are the ones the provider did not find.
                var notFound = body is JsonArray ids ? ids.Select(SpecJson.Text).ToHashSet(StringComparer.Ordinal) : [];
                return [.. batch.Items
                    .Where(item => (item.Status == ContactBatchItemStatus.Succeeded) == notFound.Contains(item.Key))
                    .Select(item => $"batch item {item.Index} ({item.Key}) is {item.Status}{(notFound.Contains(item.Key) ? ", but the provider reported it not found" : string.Empty)}")];
            default:
                return [];
        }
    }

    // A listing must yield one item per object with a name in the documented page.
    private static List<string> CountMatches(int count, JsonNode? body)
    {
        var expected = Names(body).Count();
        return count == expected ? [] : [$"listed {count} items, the documented page has {expected}"];
    }

    // The value of every member called "name", at any depth, in document order.
    private static IEnumerable<JsonNode?> Names(JsonNode? node)
    {
        var members = node switch
        {
            JsonObject item => item.Select(member => (Name: member.Key, member.Value)),
            JsonArray items => items.Select(value => (Name: string.Empty, Value: value)),
            _ => [],
        };
        foreach (var (name, value) in members)
        {
            if (name == "name")
            {
                yield return value;
            }

            foreach (var inner in Names(value))
            {
                yield return inner;
            }
        }
    }

    private static string Describe(Exception exception) =>
        exception is ContactsException contacts
            ? $"ContactsException {contacts.Kind} ('{contacts.ProviderCode}')"
            : $"{exception.GetType().Name}: {exception.Message.Split('\n')[0]}";
}
