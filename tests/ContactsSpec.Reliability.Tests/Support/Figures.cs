using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactsSpec.Reliability.Tests.Support;

/// <summary>One fault-matrix case as it ended.</summary>
internal sealed record FaultRow(string Provider, string Operation, string Fault, string Outcome, int Requests, long ElapsedMs, bool Held);

/// <summary>One hostile-response case as it ended.</summary>
internal sealed record HostileResponseRow(string Provider, string Operation, string Response, string Outcome, int MessageLength, bool Held);

/// <summary>The figures of the run, collected by the tests and written to <c>artifacts/reliability/summary.json</c>.</summary>
internal static class Figures
{
    private static readonly ConcurrentQueue<FaultRow> _faults = new();
    private static readonly ConcurrentQueue<HostileResponseRow> _responses = new();
    private static readonly ConcurrentDictionary<string, JsonNode> _sections = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string Provider, string Property, string Result), long> _inputs = new();
    private static readonly ConcurrentDictionary<string, string> _examples = new(StringComparer.Ordinal);
    private static long _placementChecks;

    public static void Fault(FaultRow row) => _faults.Enqueue(row);

    public static void Response(HostileResponseRow row) => _responses.Enqueue(row);

    /// <summary>One operation's error message for a hostile answer, for the report.</summary>
    public static void Example(string answer, string message) => _examples[answer] = message;

    /// <summary>A named section of the summary (the batch runs).</summary>
    public static void Section(string name, JsonNode value) => _sections[name] = value;

    public static void Input(string provider, string property, string result) =>
        _inputs.AddOrUpdate((provider, property, result), 1, (_, count) => count + 1);

    public static void PlacementChecked(int requests) => Interlocked.Add(ref _placementChecks, requests);

    public static long InputsFor(string provider) => _inputs.Where(pair => pair.Key.Provider == provider).Sum(pair => pair.Value);

    /// <summary>
    /// Whether every part of the suite contributed (every fault-matrix and hostile-answer case, both batch runs, the
    /// hostile input of every provider): only such a run's figures are the suite's figures.
    /// </summary>
    public static bool IsComplete =>
        _faults.Count == ProviderCatalog.Operations.Count * Enum.GetValues<FaultKind>().Length
        && _responses.Count == ProviderCatalog.Operations.Count * Enum.GetValues<HostileAnswer>().Length
        && _sections.ContainsKey("batchWamm") && _sections.ContainsKey("batchWazzupV3")
        && ContactsProviders.All.All(provider => InputsFor(provider) > 0);

    public static JsonObject Summary(TimeSpan elapsed)
    {
        var faults = _faults.OrderBy(row => row.Provider).ThenBy(row => row.Operation).ThenBy(row => row.Fault).ToList();
        var responses = _responses.OrderBy(row => row.Provider).ThenBy(row => row.Operation).ThenBy(row => row.Response).ToList();
        var summary = new JsonObject
        {
            ["generatedAt"] = DateTimeOffset.UtcNow.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
            ["machine"] = new JsonObject
            {
                ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
                ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
                ["processors"] = Environment.ProcessorCount,
            },
            ["elapsedSeconds"] = Math.Round(elapsed.TotalSeconds, 1),
            ["faultMatrix"] = new JsonObject
            {
                ["cases"] = faults.Count,
                ["held"] = faults.Count(row => row.Held),
                ["operations"] = faults.Select(row => $"{row.Provider}/{row.Operation}").Distinct().Count(),
                ["faults"] = faults.Select(row => row.Fault).Distinct().Count(),
                ["maxElapsedMs"] = faults.Count == 0 ? 0 : faults.Max(row => row.ElapsedMs),
                ["hangs"] = faults.Count(row => row.Outcome == "Hang"),
                ["otherExceptions"] = faults.Count(row => row.Outcome.StartsWith("Unexpected", StringComparison.Ordinal)),
                ["nonIdempotentAmbiguousCases"] = NonIdempotentAmbiguous(faults).Count(),
                ["nonIdempotentDuplicates"] = NonIdempotentAmbiguous(faults).Count(row => row.Requests > 1),
                ["outcomes"] = Counts(faults.Select(row => row.Outcome)),
                ["byFault"] = Group(faults, row => row.Fault, row => row.Outcome),
                ["rows"] = new JsonArray([.. faults.Select(row => JsonSerializer.SerializeToNode(row))]),
            },
            ["hostileInput"] = new JsonObject
            {
                ["byProvider"] = new JsonObject([.. _inputs.GroupBy(pair => pair.Key.Provider).OrderBy(group => group.Key).Select(group =>
                    KeyValuePair.Create<string, JsonNode?>(group.Key, new JsonObject
                    {
                        ["generated"] = group.Sum(pair => pair.Value),
                        ["byProperty"] = new JsonObject([.. group.GroupBy(pair => pair.Key.Property).OrderBy(byProperty => byProperty.Key).Select(byProperty =>
                            KeyValuePair.Create<string, JsonNode?>(byProperty.Key, new JsonObject([.. byProperty.OrderBy(pair => pair.Key.Result).Select(pair =>
                                KeyValuePair.Create<string, JsonNode?>(pair.Key.Result, pair.Value))])))]),
                    }))]),
                ["generated"] = _inputs.Sum(pair => pair.Value),
            },
            ["hostileResponses"] = new JsonObject
            {
                ["cases"] = responses.Count,
                ["held"] = responses.Count(row => row.Held),
                ["longestMessage"] = responses.Count == 0 ? 0 : responses.Max(row => row.MessageLength),
                ["otherExceptions"] = responses.Count(row => row.Outcome.StartsWith("Unexpected", StringComparison.Ordinal)),
                ["outcomes"] = Counts(responses.Select(row => row.Outcome)),
                ["byResponse"] = Group(responses, row => row.Response, row => row.Outcome),
                ["exampleMessages"] = new JsonObject([.. _examples.OrderBy(pair => pair.Key, StringComparer.Ordinal)
                    .Select(pair => KeyValuePair.Create<string, JsonNode?>(pair.Key, pair.Value))]),
            },
            ["credentials"] = new JsonObject
            {
                ["textsScanned"] = Evidence.TextsScanned,
                ["charactersScanned"] = Evidence.CharactersScanned,
                ["logRecords"] = Evidence.LogRecords,
                ["requestsCheckedForPlacement"] = Interlocked.Read(ref _placementChecks),
                ["secretsFound"] = Evidence.Leaks.Count,
            },
        };
        foreach (var (name, value) in _sections.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            summary[name] = value.DeepClone();
        }

        return summary;
    }

    /// <summary>
    /// The fault matrix as Markdown: one row per operation, one column per fault, each cell the outcome and the
    /// requests the server received (S success at once, R success after retry, T Transport, RL RetryLater,
    /// PE ProviderError, OU OutcomeUnknown; a cell that did not hold is marked ✗).
    /// </summary>
    public static string Markdown()
    {
        var faults = _faults.ToList();
        var columns = Enum.GetNames<FaultKind>().Where(fault => faults.Any(row => row.Fault == fault)).ToList();
        var text = new System.Text.StringBuilder();
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"| operation | {string.Join(" | ", columns)} |");
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"|---|{string.Concat(columns.Select(_ => "---|"))}");
        foreach (var operation in faults.GroupBy(row => $"{row.Provider}/{row.Operation}").OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var cells = columns.Select(column => operation.FirstOrDefault(row => row.Fault == column) is { } row
                ? $"{Abbreviate(row.Outcome)} {row.Requests}{(row.Held ? "" : " ✗")}"
                : "—");
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"| {operation.Key} | {string.Join(" | ", cells)} |");
        }

        return text.ToString();
    }

    /// <summary>An outcome as a fault-matrix cell shows it.</summary>
    public static string Abbreviate(string outcome) => outcome switch
    {
        "Success" => "S",
        "Success after retry" => "R",
        "Transport" => "T",
        "RetryLater" => "RL",
        "ProviderError" => "PE",
        "OutcomeUnknown" => "OU",
        _ => outcome,
    };

    // A non-idempotent call after a failure that may have reached the provider (anything but a 429, which says it did not).
    private static IEnumerable<FaultRow> NonIdempotentAmbiguous(IEnumerable<FaultRow> faults) =>
        faults.Where(row => ProviderCatalog.IsNonIdempotent($"{row.Provider}/{row.Operation}") && !row.Fault.StartsWith("TooManyRequests", StringComparison.Ordinal));

    private static JsonObject Counts(IEnumerable<string> values) =>
        new([.. values.GroupBy(value => value).OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => KeyValuePair.Create<string, JsonNode?>(group.Key, group.Count()))]);

    private static JsonObject Group<T>(IEnumerable<T> rows, Func<T, string> key, Func<T, string> value) =>
        new([.. rows.GroupBy(key).OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => KeyValuePair.Create<string, JsonNode?>(group.Key, Counts(group.Select(value))))]);
}
