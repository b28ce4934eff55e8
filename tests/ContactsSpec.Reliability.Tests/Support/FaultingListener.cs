using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Stubs;

namespace ContactsSpec.Reliability.Tests.Support;

/// <summary>What the faulting listener does with one request it has read whole.</summary>
public enum ListenerAction
{
    /// <summary>Closes the socket with linger 0: the kernel sends RST, the client reads "connection reset by peer".</summary>
    Reset,

    /// <summary>Closes the connection (FIN) without sending a byte.</summary>
    CloseEmpty,

    /// <summary>Sends a line of random bytes that is no HTTP status line, then closes the connection.</summary>
    RandomDataThenClose,

    /// <summary>Sends a 200 status line and headers announcing a chunked body, then a line that is no chunk size and random bytes, then closes.</summary>
    MalformedChunk,

    /// <summary>Answers with the script's success answer and keeps the connection open.</summary>
    Answer,

    /// <summary>Waits the script's <see cref="ListenerScript.AnswerDelay"/>, then answers as <see cref="Answer"/> does.</summary>
    DelayedAnswer,
}

/// <summary>An answer the listener sends: status, media type, body (no body when null).</summary>
internal sealed record ListenerAnswer(int Status, string? MediaType, string? Body);

/// <summary>
/// What the listener does with the requests of one case: a request that is not <paramref name="Method"/> on a path
/// matching <paramref name="PathPattern"/> (a regular expression for the whole path) gets a 404, as no stub matched;
/// the n-th matching request gets <paramref name="Actions"/>[n], the last action repeating for ever after. The step is
/// taken when the request arrives, so a client that gives up on a delayed answer and asks again meets the next step.
/// </summary>
internal sealed record ListenerScript(string Method, string PathPattern, IReadOnlyList<ListenerAction> Actions, ListenerAnswer Answer, TimeSpan AnswerDelay = default);

/// <summary>
/// A small HTTP/1.1 server of the test's own on the loopback address, for what WireMock.Net cannot do: break the
/// connection. It reads each request whole (request line, headers, a Content-Length or chunked body), records it as
/// a <see cref="RecordedRequest"/> under its <see cref="ConformanceHeaders.CaseId"/>, and then either follows the
/// case's <see cref="ListenerScript"/> or, for a case without a script, relays the request to WireMock: when
/// WireMock's answer carries <see cref="FaultHeader"/>, the listener does that fault to the client instead of
/// passing the answer on. So stubs that must choose a request by its body or query stay WireMock stubs, and the
/// fault the client meets is still a real broken connection.
/// </summary>
internal sealed class FaultingListener : IDisposable
{
    /// <summary>A WireMock answer with this header (a <see cref="ListenerAction"/> name) asks the relay for that fault.</summary>
    public const string FaultHeader = "X-ContactsSpec-Fault";

    /// <summary>The status of an answer that carries <see cref="FaultHeader"/>: unmistakable should it ever reach a client.</summary>
    public const int FaultDirectiveStatus = 599;

    private const int MaxHeadBytes = 64 * 1024;
    private const int MaxBodyBytes = 16 * 1024 * 1024;
    private const int MaxRequestsPerConnection = 10_000;
    private const int MaxChunks = 100_000;
    private static readonly TimeSpan _idleTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _relayTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _stopWait = TimeSpan.FromSeconds(5);

    // Hop-by-hop headers, and those the relay's own HttpClient sets.
    private static readonly HashSet<string> _notRelayed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "TE", "Trailer", "Upgrade", "Proxy-Connection", "Expect",
    };

    private readonly TcpListener _listener;
    private readonly Uri _upstream;
    private readonly HttpClient _relay;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, ScriptState> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RecordedRequest>> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Socket, Task> _connections = new();
    private readonly Task _accepting;

    private FaultingListener(Uri upstream)
    {
        if (!IPAddress.TryParse(upstream.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The listener relays to the loopback address only, not to {upstream}.", nameof(upstream));
        }

        _upstream = upstream;
        _relay = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        })
        {
            Timeout = _relayTimeout,
            MaxResponseContentBufferSize = MaxBodyBytes,
        };

        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/"));
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The listener's address with a trailing slash, <c>http://127.0.0.1:N/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Starts a listener on a free loopback port; <paramref name="upstream"/> (loopback only) is where cases without a script are relayed.</summary>
    public static FaultingListener Start(Uri upstream) => new(upstream);

    /// <summary>Gives the requests tagged <paramref name="caseTag"/> to <paramref name="script"/>.</summary>
    public void Script(string caseTag, ListenerScript script)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseTag);
        ArgumentNullException.ThrowIfNull(script);
        if (script.Actions.Count == 0)
        {
            throw new ArgumentException("A script needs at least one action.", nameof(script));
        }

        if (!_scripts.TryAdd(caseTag, new ScriptState(script)))
        {
            throw new InvalidOperationException($"The case '{caseTag}' already has a script.");
        }
    }

    /// <summary>The requests tagged <paramref name="caseTag"/> that the listener has read, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests(string caseTag) =>
        _requests.TryGetValue(caseTag, out var requests) ? [.. requests] : [];

    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _listener.Stop();
        foreach (var socket in _connections.Keys)
        {
            socket.Dispose();
        }

        Task.WaitAny([Task.WhenAll([_accepting, .. _connections.Values])], _stopWait);
        _relay.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            var serving = new TaskCompletionSource();
            _connections[socket] = serving.Task;
            _ = Task.Run(async () =>
            {
                try
                {
                    await ServeAsync(socket);
                }
                finally
                {
                    _connections.TryRemove(socket, out _);
                    socket.Dispose();
                    serving.SetResult();
                }
            });
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var reader = new Reader(socket);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            for (var served = 0; served < MaxRequestsPerConnection; served++)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                idle.CancelAfter(_idleTimeout);
                var request = await ReadRequestAsync(reader, idle.Token);
                if (request is null)
                {
                    return;
                }

                var tag = request.Header(ConformanceHeaders.CaseId) ?? string.Empty;
                _requests.GetOrAdd(tag, _ => new ConcurrentQueue<RecordedRequest>()).Enqueue(request);
                if (!await RespondAsync(socket, stream, request, tag, idle.Token))
                {
                    return;
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidDataException)
        {
            // The client went away, the request was no HTTP this listener reads, or the listener is stopping.
        }
    }

    // True when the connection stays open for the next request.
    private async Task<bool> RespondAsync(Socket socket, NetworkStream stream, RecordedRequest request, string tag, CancellationToken cancellationToken)
    {
        if (_scripts.TryGetValue(tag, out var script))
        {
            if (!script.Matches(request))
            {
                await WriteAnswerAsync(stream, 404, "Not Found", [KeyValuePair.Create("Content-Type", "text/plain")], Encoding.UTF8.GetBytes("No script step matches this request."), cancellationToken);
                return true;
            }

            var action = script.Next();
            if (action == ListenerAction.DelayedAnswer)
            {
                // Task.Delay may end a little early by the Stopwatch; wait out the rest (a few rounds at most).
                var waited = Stopwatch.StartNew();
                for (var round = 0; round < 10 && waited.Elapsed < script.Script.AnswerDelay; round++)
                {
                    await Task.Delay(script.Script.AnswerDelay - waited.Elapsed + TimeSpan.FromMilliseconds(1), cancellationToken);
                }
            }

            return await ActAsync(socket, stream, action, script.Script.Answer, cancellationToken);
        }

        return await RelayAsync(socket, stream, request, cancellationToken);
    }

    private async Task<bool> RelayAsync(Socket socket, NetworkStream stream, RecordedRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_upstream.GetLeftPart(UriPartial.Authority) + request.PathAndQuery));
        var contentHeaders = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in request.Headers.Where(header => !_notRelayed.Contains(header.Key)))
        {
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                contentHeaders.Add(KeyValuePair.Create(name, value));
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (request.Body.Length > 0 || contentHeaders.Count > 0)
        {
            message.Content = new ByteArrayContent(request.Body);
            foreach (var (name, value) in contentHeaders)
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await _relay.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // WireMock did not answer: say so, rather than dropping the connection as if that were the fault under test.
            await WriteAnswerAsync(stream, 502, "Bad Gateway", [KeyValuePair.Create("Content-Type", "text/plain")], Encoding.UTF8.GetBytes($"The faulting listener's relay failed: {error.Message}"), cancellationToken);
            return false;
        }

        using var _ = response;
        if (response.Headers.TryGetValues(FaultHeader, out var directive))
        {
            var action = Enum.Parse<ListenerAction>(directive.Single());
            if (action is ListenerAction.Answer or ListenerAction.DelayedAnswer)
            {
                throw new InvalidDataException($"{FaultHeader}: {action} names no fault.");
            }

            return await ActAsync(socket, stream, action, answer: null, cancellationToken);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = response.Headers.Concat(response.Content.Headers)
            .SelectMany(header => header.Value.Select(value => KeyValuePair.Create(header.Key, value)));
        await WriteAnswerAsync(stream, (int)response.StatusCode, response.ReasonPhrase, headers, body, cancellationToken);
        return true;
    }

    private static async Task<bool> ActAsync(Socket socket, NetworkStream stream, ListenerAction action, ListenerAnswer? answer, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case ListenerAction.Reset:
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
                return false;
            case ListenerAction.CloseEmpty:
                socket.Shutdown(SocketShutdown.Both);
                socket.Close();
                return false;
            case ListenerAction.RandomDataThenClose:
                await stream.WriteAsync(RandomLine(), cancellationToken);
                socket.Shutdown(SocketShutdown.Both);
                socket.Close();
                return false;
            case ListenerAction.MalformedChunk:
                await stream.WriteAsync(MalformedChunkedAnswer(), cancellationToken);
                socket.Shutdown(SocketShutdown.Both);
                socket.Close();
                return false;
            case ListenerAction.Answer or ListenerAction.DelayedAnswer when answer is not null:
                var headers = answer.Body is null ? [] : new[] { KeyValuePair.Create("Content-Type", answer.MediaType ?? "application/json") };
                await WriteAnswerAsync(stream, answer.Status, null, headers, answer.Body is null ? [] : Encoding.UTF8.GetBytes(answer.Body), cancellationToken);
                return true;
            default:
                throw new InvalidDataException($"No answer to give for {action}.");
        }
    }

    /// <summary>Random bytes without CR or LF and not starting like a status line, ended by CRLF: the client reads it whole as an invalid status line.</summary>
    internal static byte[] RandomLine()
    {
        var bytes = new byte[256];
        Random.Shared.NextBytes(bytes);
        for (var index = 0; index < bytes.Length; index++)
        {
            if (bytes[index] is (byte)'\r' or (byte)'\n')
            {
                bytes[index] = (byte)'?';
            }
        }

        bytes[0] = (byte)'~';
        return [.. bytes, (byte)'\r', (byte)'\n'];
    }

    /// <summary>A 200 status line and headers announcing a chunked body, then a chunk-size line with no hex digit, then random bytes.</summary>
    internal static byte[] MalformedChunkedAnswer()
    {
        var head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        var sizeLine = new byte[24];
        for (var index = 0; index < sizeLine.Length; index++)
        {
            sizeLine[index] = (byte)Random.Shared.Next('g', 'z' + 1);
        }

        var garbage = new byte[64];
        Random.Shared.NextBytes(garbage);
        return [.. head, .. sizeLine, (byte)'\r', (byte)'\n', .. garbage];
    }

    private static async Task WriteAnswerAsync(
        NetworkStream stream, int status, string? reason, IEnumerable<KeyValuePair<string, string>> headers, byte[] body, CancellationToken cancellationToken)
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason ?? (status == 200 ? "OK" : "Status")}\r\n");
        foreach (var (name, value) in headers.Where(header => !_notRelayed.Contains(header.Key)))
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
    }

    // One request read whole, or null when the client closed the connection before sending one.
    private static async Task<RecordedRequest?> ReadRequestAsync(Reader reader, CancellationToken cancellationToken)
    {
        var requestLine = await reader.ReadLineAsync(cancellationToken);
        if (requestLine is null)
        {
            return null;
        }

        var parts = requestLine.Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new InvalidDataException("Not an HTTP/1.x request line.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        var headBytes = requestLine.Length;
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new InvalidDataException("The request ended inside its headers.");
            headBytes += line.Length + 2;
            if (headBytes > MaxHeadBytes)
            {
                throw new InvalidDataException("The request's headers are too long.");
            }

            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException("A header line without a name.");
            }

            headers.Add(KeyValuePair.Create(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        byte[] body = [];
        string? Value(string name) => headers.Where(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value).FirstOrDefault();
        if (Value("Transfer-Encoding") is { } encoding && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync(reader, cancellationToken);
        }
        else if (Value("Content-Length") is { } length)
        {
            if (!int.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxBodyBytes)
            {
                throw new InvalidDataException("A Content-Length this listener does not read.");
            }

            body = await reader.ReadBytesAsync(count, cancellationToken);
        }

        return new RecordedRequest(parts[0].ToUpperInvariant(), parts[1], headers, body);
    }

    private static async Task<byte[]> ReadChunkedAsync(Reader reader, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        for (var chunk = 0; chunk < MaxChunks; chunk++)
        {
            var sizeLine = await reader.ReadLineAsync(cancellationToken) ?? throw new InvalidDataException("The body ended inside a chunk size.");
            if (!int.TryParse(sizeLine.Split(';', 2)[0].Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size)
                || size < 0 || body.Length + size > MaxBodyBytes)
            {
                throw new InvalidDataException("A chunk size this listener does not read.");
            }

            if (size == 0)
            {
                // Trailers, up to the empty line.
                for (var trailer = 0; trailer < 100; trailer++)
                {
                    if (string.IsNullOrEmpty(await reader.ReadLineAsync(cancellationToken)))
                    {
                        return body.ToArray();
                    }
                }

                throw new InvalidDataException("Too many trailers.");
            }

            body.Write(await reader.ReadBytesAsync(size, cancellationToken));
            if ((await reader.ReadLineAsync(cancellationToken))?.Length != 0)
            {
                throw new InvalidDataException("A chunk not followed by CRLF.");
            }
        }

        throw new InvalidDataException("Too many chunks.");
    }

    private sealed class ScriptState(ListenerScript script)
    {
        private readonly Regex _path = new("^" + script.PathPattern + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        private int _served;

        public ListenerScript Script => script;

        public bool Matches(RecordedRequest request) =>
            string.Equals(request.Method, script.Method, StringComparison.OrdinalIgnoreCase) && _path.IsMatch(request.Path);

        public ListenerAction Next()
        {
            var index = Interlocked.Increment(ref _served) - 1;
            return script.Actions[Math.Min(index, script.Actions.Count - 1)];
        }
    }

    /// <summary>Buffered reads of lines and counted bytes from a socket.</summary>
    private sealed class Reader(Socket socket)
    {
        private byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        // A line without its CRLF (bytes as Latin-1), or null at a clean end of stream before its first byte.
        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var index = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
                if (index >= 0)
                {
                    var line = Encoding.Latin1.GetString(_buffer, _start, index).TrimEnd('\r');
                    _start += index + 1;
                    return line;
                }

                if (_end - _start > MaxHeadBytes)
                {
                    throw new InvalidDataException("A line longer than this listener reads.");
                }

                if (!await FillAsync(cancellationToken))
                {
                    return _end == _start ? null : throw new InvalidDataException("The stream ended inside a line.");
                }
            }
        }

        public async Task<byte[]> ReadBytesAsync(int count, CancellationToken cancellationToken)
        {
            while (_end - _start < count)
            {
                if (!await FillAsync(cancellationToken))
                {
                    throw new InvalidDataException("The stream ended inside a body.");
                }
            }

            var bytes = _buffer.AsSpan(_start, count).ToArray();
            _start += count;
            return bytes;
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= MaxBodyBytes + MaxHeadBytes)
                {
                    throw new InvalidDataException("More unread bytes than this listener holds.");
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
            _end += read;
            return read > 0;
        }
    }
}
