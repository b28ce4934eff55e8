using System.Net;
using System.Text;

namespace ContactsSpec.Tests.Support;

/// <summary>A body sent without a Content-Length (as with chunked transfer), so only reading it reveals its size.</summary>
public sealed class UnsizedContent(string text) : HttpContent
{
    private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
