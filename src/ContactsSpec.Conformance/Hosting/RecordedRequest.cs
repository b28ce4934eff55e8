using System.Text;
using WireMock;

namespace ContactsSpec.Conformance.Hosting;

/// <summary>
/// A request as WireMock received it: method, path and query, every header, and the body's bytes.
/// </summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="PathAndQuery">The path and query string as they arrived, still percent-encoded.</param>
/// <param name="Headers">Every header value, one entry per value.</param>
/// <param name="Body">The body's bytes; empty when there was none.</param>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>The path, without the query.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];

    /// <summary>The query without its <c>?</c>, or empty.</summary>
    public string Query => PathAndQuery.Contains('?', StringComparison.Ordinal) ? PathAndQuery.Split('?', 2)[1] : string.Empty;

    /// <summary>The first value of a header (names compared without case), or null.</summary>
    public string? Header(string name) =>
        Headers.Where(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value).FirstOrDefault();

    /// <summary>The request of one of WireMock's log entries.</summary>
    public static RecordedRequest From(IRequestMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = new List<KeyValuePair<string, string>>();
        string? rawTarget = null;
        foreach (var (name, values) in message.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
        {
            if (string.Equals(name, LoopbackWireMock.RawTargetHeader, StringComparison.OrdinalIgnoreCase))
            {
                rawTarget = values.FirstOrDefault();
                continue;
            }

            headers.AddRange(values.Select(value => KeyValuePair.Create(name, value)));
        }

        var body = message.BodyAsBytes ?? (message.Body is { } text ? Encoding.UTF8.GetBytes(text) : []);
        // A server started elsewhere than LoopbackWireMock has no raw target: its decoded path is the best there is.
        var query = string.IsNullOrEmpty(message.RawQuery) ? string.Empty : "?" + message.RawQuery.TrimStart('?');
        return new RecordedRequest(message.Method.ToUpperInvariant(), rawTarget ?? message.Path + query, headers, body);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}";
}
