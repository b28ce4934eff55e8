using System.Net;
using System.Text;

namespace ContactsSpec.Reliability.Tests.Support;

/// <summary>
/// A response body made on the fly as it is read, never held in memory: a prefix, then a unit repeated up to
/// <c>length</c> bytes. Counts the bytes it served, so a test can show how much of it the facade read. It can
/// declare its length (Content-Length) or not, and can fail midway like a dropped connection.
/// </summary>
internal sealed class GeneratedContent : HttpContent
{
    private readonly byte[] _prefix;
    private readonly byte[] _unit;
    private readonly long _length;
    private readonly long? _failAfter;
    private readonly bool _declareLength;
    private long _served;

    public GeneratedContent(string prefix, string unit, long length, bool declareLength, string mediaType, long? failAfter = null)
    {
        _prefix = Encoding.UTF8.GetBytes(prefix);
        _unit = Encoding.UTF8.GetBytes(unit);
        _length = length;
        _failAfter = failAfter;
        _declareLength = declareLength;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        if (declareLength)
        {
            Headers.ContentLength = length;
        }
    }

    public long Served => Interlocked.Read(ref _served);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var source = new Reader(this);
        await source.CopyToAsync(stream);
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new Reader(this));

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return _declareLength;
    }

    private sealed class Reader(GeneratedContent content) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (content._failAfter is { } failAfter && _position >= failAfter)
            {
                throw new IOException("The response ended prematurely (the test dropped the connection).");
            }

            var end = content._failAfter is { } stop ? Math.Min(stop, content._length) : content._length;
            var written = (int)Math.Min(buffer.Length, end - _position);
            for (var index = 0; index < written;)
            {
                var position = _position + index;
                ReadOnlySpan<byte> source = position < content._prefix.Length
                    ? content._prefix.AsSpan((int)position)
                    : content._unit.AsSpan((int)((position - content._prefix.Length) % content._unit.Length));
                var take = Math.Min(source.Length, written - index);
                source[..take].CopyTo(buffer[index..]);
                index += take;
            }

            _position += written;
            Interlocked.Add(ref content._served, written);
            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
