using System.Net;
using System.Text;

namespace ContactsSpec.Tests.Support;

/// <summary>One request as the transport saw it.</summary>
/// <param name="Sequence">0-based order of arrival.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The full request URI.</param>
/// <param name="Headers">Request and content headers, each joined with ", ".</param>
/// <param name="Body">The body as text, or null without a body.</param>
public sealed record RecordedRequest(int Sequence, HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The decoded value of a query parameter, or null.</summary>
    public string? Query(string name)
    {
        foreach (var pair in Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (Uri.UnescapeDataString(parts[0]) == name)
            {
                return parts.Length == 2 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : string.Empty;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => $"#{Sequence} {Method} {Uri}";
}

/// <summary>
/// An in-memory transport: records every request (method, URI, headers, body) and answers from a function of the
/// request and its 0-based arrival number. Tracks how many requests were in flight at once. Never touches the network.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>A transport answering through an asynchronous function (for delays and cancellation).</summary>
    public ScriptedHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _respond = respond;
    }

    /// <summary>A transport answering through a function of the request.</summary>
    public ScriptedHandler(Func<RecordedRequest, HttpResponseMessage> respond)
        : this((request, _) => Task.FromResult(respond(request)))
    {
    }

    /// <summary>Answers the n-th request with the n-th response; the last one answers every later request.</summary>
    public static ScriptedHandler Sequence(params Func<HttpResponseMessage>[] responses) =>
        new(request => responses[Math.Min(request.Sequence, responses.Length - 1)]());

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The most requests ever in flight at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Whether this transport was disposed; it then refuses to send, as a real one does.</summary>
    public bool IsDisposed { get; private set; }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(header => header.Key, header => string.Join(", ", header.Value), StringComparer.OrdinalIgnoreCase);
        RecordedRequest recorded;
        lock (_gate)
        {
            recorded = new RecordedRequest(_requests.Count, request.Method, request.RequestUri!, headers, body);
            _requests.Add(recorded);
        }

        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            var response = await _respond(recorded, cancellationToken);
            response.RequestMessage = request;
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

/// <summary>Response builders.</summary>
public static class Respond
{
    /// <summary>A JSON answer.</summary>
    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>An answer without a body.</summary>
    public static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = new ByteArrayContent([]) };

    /// <summary>A 429 with a Retry-After header in seconds.</summary>
    public static HttpResponseMessage TooManyRequests(int retryAfterSeconds)
    {
        var response = Status(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }
}
