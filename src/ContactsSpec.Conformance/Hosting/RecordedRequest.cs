using System.Text;
using WireMock;

namespace ContactsSpec.Conformance.Hosting;

/// <summary>
/// A request as WireMock received it: method, path and query, every header, and the body's bytes.
/// </summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="PathAndQuery">
/// The path and query. From WireMock.Net's log the path is percent-decoded (it keeps no raw path) and the query is
/// as sent.
/// </param>
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
        foreach (var (name, values) in message.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
        {
            headers.AddRange(values.Select(value => KeyValuePair.Create(name, value)));
        }

        var body = message.BodyAsBytes ?? (message.Body is { } text ? Encoding.UTF8.GetBytes(text) : []);
        var query = string.IsNullOrEmpty(message.RawQuery) ? string.Empty : "?" + message.RawQuery.TrimStart('?');
        return new RecordedRequest(message.Method.ToUpperInvariant(), message.Path + query, headers, body);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}";
}
