using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace ContactsSpec.Internal;

/// <summary>
/// The facade's one handler between a generated client and the transport (one layer, so one async frame a call):
/// <list type="bullet">
/// <item>adds the bearer token where the provider takes one (the generated clients leave authentication to the pipeline);</item>
/// <item>marks the request with the client's redactor, for <see cref="ContactsHttpTelemetry.RedactCredentials"/>;</item>
/// <item>logs each exchange by method, host, status and duration, never the path or query, where WAMM, Wawp and WaSMS
/// carry credentials (the IHttpClientFactory's own loggers, which log full URIs, are removed);</item>
/// <item>refuses a redirect (3xx), never follows it: the transports the facade builds do not follow redirects, and this
/// catches a transport that passes one through;</item>
/// <item>caps every response body at <see cref="ContactsClientOptions.MaxResponseBytes"/>: an answer whose Content-Length
/// is larger fails before its body is read, and one without a length fails as soon as more than the cap has arrived. The
/// body is streamed through, never buffered here; its first bytes are kept in the current <see cref="ResponseCapture"/>
/// so that an error about the answer can quote its beginning.</item>
/// </list>
/// </summary>
internal sealed partial class ContactsHttpHandler : DelegatingHandler
{
    private readonly ILogger _logger;
    private readonly string _provider;
    private readonly SecretRedactor _redactor;
    private readonly long _maxResponseBytes;
    private readonly AuthenticationHeaderValue? _authorization;

    public ContactsHttpHandler(ILogger logger, string provider, SecretRedactor redactor, long maxResponseBytes, string? bearerToken)
    {
        _logger = logger;
        _provider = provider;
        _redactor = redactor;
        _maxResponseBytes = maxResponseBytes;
        // Parsed once: the header value is immutable, and every request of this client carries the same one.
        _authorization = bearerToken is null ? null : new AuthenticationHeaderValue("Bearer", bearerToken);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(ContactsHttpTelemetry.RedactorKey, _redactor);
        if (_authorization is not null)
        {
            request.Headers.Authorization = _authorization;
        }

        // Taken before sending: a transport that follows redirects rewrites the request's URI.
        var authority = request.RequestUri?.Authority;
        // Decided once a request: the clock is read only for a log line someone will see.
        var logging = _logger.IsEnabled(LogLevel.Debug);
        var started = logging ? Stopwatch.GetTimestamp() : 0;
        try
        {
            var response = Guard(request, authority, await base.SendAsync(request, cancellationToken).ConfigureAwait(false));
            if (logging)
            {
#pragma warning disable CA1873 // Guarded by IsEnabled (logging); the analyzer does not see it.
                LogAnswered(_logger, _provider, request.Method.Method, request.RequestUri?.Host, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
#pragma warning restore CA1873
            }

            return response;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (logging)
            {
#pragma warning disable CA1873 // Guarded by IsEnabled (logging); the analyzer does not see it.
                LogFailed(_logger, _provider, request.Method.Method, request.RequestUri?.Host, exception.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
#pragma warning restore CA1873
            }

            throw;
        }
    }

    /// <summary>Refuses a redirect and caps the body; <paramref name="authority"/> is where the request was sent.</summary>
    private HttpResponseMessage Guard(HttpRequestMessage request, string? authority, HttpResponseMessage response)
    {
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

        if (content.Headers.ContentLength is { } length && length > _maxResponseBytes)
        {
            response.Dispose();
            throw new ResponseTooLargeException(_maxResponseBytes, length);
        }

        response.Content = new LimitedContent(content, _maxResponseBytes, ResponseCapture.Current);
        return response;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Provider}: {Method} {Host} answered {Status} in {ElapsedMs:0} ms")]
    private static partial void LogAnswered(ILogger logger, string provider, string method, string? host, int status, double elapsedMs);

    // The exception object itself is not logged: its message may quote a URL that carries credentials.
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Provider}: {Method} {Host} failed with {ExceptionType} after {ElapsedMs:0} ms")]
    private static partial void LogFailed(ILogger logger, string provider, string method, string? host, string exceptionType, double elapsedMs);

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
            // Value by value, unparsed: no array per header, and nothing the provider sent is reinterpreted.
            foreach (var header in inner.Headers.NonValidated)
            {
                foreach (var value in header.Value)
                {
                    Headers.TryAddWithoutValidation(header.Key, value);
                }
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
