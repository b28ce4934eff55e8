using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ContactsSpec.Benchmarks.Baseline;

/// <summary>
/// What careful hand-written code does per call: one request message, headers added without parsing, the body
/// serialised to UTF-8 bytes with source-generated metadata, the answer read as a stream straight into the typed
/// model (no string, no header copies).
/// </summary>
internal static class BaselineHttp
{
    public static async Task<T> GetAsync<T>(HttpClient http, string url, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        return await ReadAsync(http, request, type, cancellationToken);
    }

    public static async Task<T> ReadAsync<T>(HttpClient http, HttpRequestMessage request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        EnsureOk(response);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync(body, type, cancellationToken) ?? throw new JsonException($"The answer to {request.RequestUri} is null.");
    }

    public static async Task SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        EnsureOk(response);
    }

    public static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    public static string Escape(string value) => Uri.EscapeDataString(value);

    private static void EnsureOk(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"Unexpected status {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }
}
