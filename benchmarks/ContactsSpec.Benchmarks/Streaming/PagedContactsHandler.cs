using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ContactsSpec.Benchmarks.Streaming;

/// <summary>
/// An in-memory Wazzup v3 server for <c>GET v3/contacts?offset=N</c> holding <see cref="Total"/> contacts: each
/// page (100 contacts, ordered by id) is written on the fly into one reused buffer, so the server side keeps
/// nothing per contact and allocates next to nothing per page. Pages are read one after another (the listing
/// reads a page to the end before asking for the next), so one buffer is enough.
/// </summary>
public sealed class PagedContactsHandler : HttpMessageHandler
{
    /// <summary>Contacts per page, as Wazzup v3 documents.</summary>
    public const int PageSize = 100;

    private readonly ArrayBufferWriter<byte> _buffer = new(32 * 1024);
    private readonly Utf8JsonWriter _writer;

    /// <summary>A server holding <paramref name="total"/> contacts.</summary>
    public PagedContactsHandler(int total)
    {
        Total = total;
        _writer = new Utf8JsonWriter(_buffer);
    }

    /// <summary>How many contacts the account holds.</summary>
    public int Total { get; }

    /// <summary>How many pages were served.</summary>
    public long Pages { get; private set; }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var offset = Offset(request.RequestUri!);
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        WritePage(offset);
        Pages++;
        var content = new ReadOnlyMemoryContent(_buffer.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content });
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writer.Dispose();
        }

        base.Dispose(disposing);
    }

    private static int Offset(Uri uri)
    {
        var query = uri.Query.AsSpan();
        var start = query.IndexOf("offset=", StringComparison.Ordinal);
        if (start < 0)
        {
            return 0;
        }

        var value = query[(start + "offset=".Length)..];
        var end = value.IndexOf('&');
        return int.Parse(end < 0 ? value : value[..end], NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private void WritePage(int offset)
    {
        Span<char> text = stackalloc char[64];
        _writer.WriteStartObject();
        _writer.WriteNumber("count"u8, Total);
        _writer.WriteStartArray("data"u8);
        for (var index = offset; index < Math.Min(offset + PageSize, Total); index++)
        {
            _writer.WriteStartObject();
            _writer.WriteString("id"u8, Format(text, "crm-", index));
            _writer.WriteString("responsibleUserId"u8, "7"u8);
            _writer.WriteString("name"u8, Format(text, "Contact ", index));
            _writer.WriteStartArray("contactData"u8);
            _writer.WriteStartObject();
            _writer.WriteString("chatType"u8, "whatsapp"u8);
            _writer.WriteString("chatId"u8, Format(text, "7900", 1_000_000 + index));
            _writer.WriteEndObject();
            _writer.WriteEndArray();
            _writer.WriteString("uri"u8, Format(text, "https://crm.example.com/contacts/", index));
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
    }

    private static ReadOnlySpan<char> Format(Span<char> destination, string prefix, int number)
    {
        prefix.CopyTo(destination);
        number.TryFormat(destination[prefix.Length..], out var written, provider: CultureInfo.InvariantCulture);
        return destination[..(prefix.Length + written)];
    }
}
