using System.Net;

namespace ContactsSpec.Internal;

/// <summary>
/// Guards every answer before a generated client reads it. A redirect (3xx) is refused, never followed: the
/// transports the facade builds do not follow redirects, and this catches a transport that passes one through.
/// Every response body is capped at <see cref="ContactsClientOptions.MaxResponseBytes"/>: an answer whose Content-Length
/// is larger fails before its body is read, and one without a length fails as soon as more than the cap has
/// arrived. The body is streamed through, never buffered here; its first bytes are kept in the current
/// <see cref="ResponseCapture"/> so that an error about the answer can quote its beginning.
/// </summary>
internal sealed class ResponseLimitHandler(long maxResponseBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authority = request.RequestUri?.Authority;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.RequestMessage?.RequestUri is { } answered && answered.Authority != authority)
        {
            // A caller's own transport followed a redirect: too late to unsend, but never reported as the provider's answer.
            response.Dispose();
            throw new RedirectRefusedException(0, answered.Authority);
        }

        if ((int)response.StatusCode is >= 300 and < 400 and not 304)
        {
            var target = response.Headers.Location is { } location
                ? (location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location)).Authority
                : null;
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new RedirectRefusedException(status, target);
        }

        if (response.Content is not { } content)
        {
            return response;
        }

        if (content.Headers.ContentLength is { } length && length > maxResponseBytes)
        {
            response.Dispose();
            throw new ResponseTooLargeException(maxResponseBytes, length);
        }

        response.Content = new LimitedContent(content, maxResponseBytes, ResponseCapture.Current);
        return response;
    }

    /// <summary>The provider's content, read through a <see cref="LimitedStream"/>.</summary>
    private sealed class LimitedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly long _maxBytes;
        private readonly ResponseCapture? _capture;

        public LimitedContent(HttpContent inner, long maxBytes, ResponseCapture? capture)
        {
            _inner = inner;
            _maxBytes = maxBytes;
            _capture = capture;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
            }
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new LimitedStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _maxBytes, _capture);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A read-only stream that counts what passes and throws <see cref="ResponseTooLargeException"/> past the cap.</summary>
    private sealed class LimitedStream(Stream inner, long maxBytes, ResponseCapture? capture) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var allowed = Allowed(buffer.Length);
            return Count(buffer, inner.Read(buffer[..allowed]));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken).ConfigureAwait(false);
            return Count(buffer.Span, read);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        // Never asks for more than one byte past the cap, so an oversized body is read no further than that.
        private int Allowed(int requested) => (int)Math.Min(requested, Math.Max(1, maxBytes - _read + 1));

        private int Count(ReadOnlySpan<byte> buffer, int read)
        {
            capture?.Append(buffer[..read]);
            _read += read;
            return _read > maxBytes ? throw new ResponseTooLargeException(maxBytes, null) : read;
        }
    }
}

/// <summary>A response body was larger than <see cref="ContactsClientOptions.MaxResponseBytes"/>.</summary>
internal sealed class ResponseTooLargeException(long limit, long? declaredLength)
    : IOException(declaredLength is { } length
        ? $"The answer declares {length} bytes, more than MaxResponseBytes ({limit})."
        : $"The answer is longer than MaxResponseBytes ({limit} bytes); it was not read further.");
