using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ContactsSpec.Conformance.Hosting;

/// <summary>A client for the WireMock admin API (<c>/__admin/...</c>).</summary>
public sealed class WireMockAdminClient : IDisposable
{
    private static readonly string[] _urlKeys = ["url", "urlPattern", "urlPath", "urlPathPattern", "urlPathTemplate"];

    private readonly HttpClient _http;

    /// <summary>Creates a client for the WireMock server at <paramref name="baseUri"/>.</summary>
    /// <param name="baseUri">The server's base address, e.g. <c>http://127.0.0.1:8080/</c>.</param>
    public WireMockAdminClient(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        BaseUri = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The server's base address, ending with a slash.</summary>
    public Uri BaseUri { get; }

    /// <summary>
    /// Replaces the server's stubs with <paramref name="mappings"/>: stubs with the same id are overwritten and every
    /// stub not in the import is deleted.
    /// </summary>
    /// <param name="mappings">WireMock stub mappings (objects with <c>request</c> and <c>response</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task ImportMappingsAsync(JsonArray mappings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        var body = new JsonObject
        {
            ["mappings"] = mappings.DeepClone(),
            ["importOptions"] = new JsonObject
            {
                ["duplicatePolicy"] = "OVERWRITE",
                ["deleteAllNotInImport"] = true,
            },
        };
        await SendAsync(HttpMethod.Post, "__admin/mappings/import", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds one stub beside the existing ones (<c>POST /__admin/mappings</c>).</summary>
    public async Task AddMappingAsync(JsonObject mapping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        await SendAsync(HttpMethod.Post, "__admin/mappings", mapping.DeepClone(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resets the server: stubs back to those in the root directory, request journal and scenarios cleared.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task ResetAsync(CancellationToken cancellationToken = default) =>
        await SendAsync(HttpMethod.Post, "__admin/reset", null, cancellationToken).ConfigureAwait(false);

    /// <summary>Empties the request journal, keeping the stubs.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task ResetRequestJournalAsync(CancellationToken cancellationToken = default) =>
        await SendAsync(HttpMethod.Delete, "__admin/requests", null, cancellationToken).ConfigureAwait(false);

    /// <summary>The journalled requests matching a WireMock request pattern (the shape of a stub's <c>request</c>).</summary>
    /// <param name="requestPattern">The pattern, e.g. <c>{"method":"GET","urlPath":"/contacts"}</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>WireMock <c>LoggedRequest</c> objects.</returns>
    public async Task<JsonArray> FindRequestsAsync(JsonObject requestPattern, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestPattern);
        var answer = await SendAsync(HttpMethod.Post, "__admin/requests/find", requestPattern, cancellationToken).ConfigureAwait(false);
        return TakeArray(answer, "requests", "POST __admin/requests/find");
    }

    /// <summary>Every journalled serve event, newest first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Serve events, each with <c>request</c>, <c>response</c>, <c>wasMatched</c> and <c>stubMapping</c>.</returns>
    public async Task<JsonArray> GetServeEventsAsync(CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(HttpMethod.Get, "__admin/requests", null, cancellationToken).ConfigureAwait(false);
        return TakeArray(answer, "requests", "GET __admin/requests");
    }

    /// <summary>The journalled requests that matched no stub.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>WireMock <c>LoggedRequest</c> objects.</returns>
    public async Task<JsonArray> GetUnmatchedRequestsAsync(CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(HttpMethod.Get, "__admin/requests/unmatched", null, cancellationToken).ConfigureAwait(false);
        return TakeArray(answer, "requests", "GET __admin/requests/unmatched");
    }

    /// <summary>The stubs closest to a logged request, closest first.</summary>
    /// <param name="loggedRequest">A <c>LoggedRequest</c>, e.g. from <see cref="GetUnmatchedRequestsAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Near misses, each with <c>request</c>, <c>stubMapping</c> and <c>matchResult.distance</c>.</returns>
    public async Task<JsonArray> GetNearMissesAsync(JsonObject loggedRequest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loggedRequest);
        var answer = await SendAsync(HttpMethod.Post, "__admin/near-misses/request", loggedRequest, cancellationToken).ConfigureAwait(false);
        return TakeArray(answer, "nearMisses", "POST __admin/near-misses/request");
    }

    /// <summary>Puts every scenario back in its <c>Started</c> state.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task ResetScenariosAsync(CancellationToken cancellationToken = default) =>
        await SendAsync(HttpMethod.Post, "__admin/scenarios/reset", null, cancellationToken).ConfigureAwait(false);

    /// <summary>The server's stubs.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Stub mappings.</returns>
    public async Task<JsonArray> GetMappingsAsync(CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(HttpMethod.Get, "__admin/mappings", null, cancellationToken).ConfigureAwait(false);
        return TakeArray(answer, "mappings", "GET __admin/mappings");
    }

    /// <summary>
    /// A readable listing of the closest near misses, for test failure messages: for each, the match distance, the
    /// stub's method and URL pattern, and the request's method and URL.
    /// </summary>
    /// <param name="nearMisses">Near misses from <see cref="GetNearMissesAsync"/>.</param>
    /// <param name="max">How many to list at most.</param>
    public static string FormatNearMisses(JsonArray nearMisses, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(nearMisses);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        if (nearMisses.Count == 0)
        {
            return "No near misses: WireMock has no stub to compare the request with.";
        }

        var closest = nearMisses
            .OfType<JsonObject>()
            .OrderBy(nearMiss => Distance(nearMiss))
            .Take(max)
            .ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Closest stubs ({closest.Count} of {nearMisses.Count} near misses):");
        for (var index = 0; index < closest.Count; index++)
        {
            var nearMiss = closest[index];
            var stub = nearMiss["stubMapping"] as JsonObject;
            var pattern = stub?["request"] as JsonObject;
            var request = nearMiss["request"] as JsonObject;
            text.AppendLine()
                .Append(CultureInfo.InvariantCulture, $"  {index + 1}. distance {Distance(nearMiss):0.###}")
                .AppendLine()
                .Append(CultureInfo.InvariantCulture, $"     stub:    {Text(pattern?["method"], "ANY")} {DescribeUrlPattern(pattern)}");
            var stubName = Text(stub?["name"], "");
            var stubId = Text(stub?["id"], "");
            if (stubName.Length > 0 || stubId.Length > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({(stubName.Length > 0 ? stubName : "id " + stubId)})");
            }

            text.AppendLine()
                .Append(CultureInfo.InvariantCulture, $"     request: {Text(request?["method"], "?")} {Text(request?["url"], "?")}");
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>Whether <c>/__admin/health</c> answers 200; false while the server cannot be reached.</summary>
    internal async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(BaseUri, "__admin/health"), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static double Distance(JsonObject nearMiss) =>
        nearMiss["matchResult"]?["distance"] is JsonValue value && value.TryGetValue<double>(out var distance) ? distance : double.MaxValue;

    private static string DescribeUrlPattern(JsonObject? pattern)
    {
        var parts = _urlKeys
            .Where(key => pattern?[key] is not null)
            .Select(key => $"{key} {Text(pattern![key], "")}")
            .ToList();
        return parts.Count == 0 ? "(any URL)" : string.Join(", ", parts);
    }

    private static string Text(JsonNode? node, string fallback) => node switch
    {
        null => fallback,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    private static JsonArray TakeArray(JsonNode? answer, string property, string call)
    {
        // Detached from the answer so the caller can put the array into another document.
        if (answer is JsonObject body && body[property] is JsonArray array)
        {
            body.Remove(property);
            return array;
        }

        throw new InvalidOperationException(
            $"WireMock's answer to {call} has no '{property}' array: {answer?.ToJsonString() ?? "(empty)"}");
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUri, path));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"WireMock admin call {method} /{path} answered {(int)response.StatusCode} {response.ReasonPhrase}: {text}");
        }

        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }
}
