using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContactsSpec.Tests.Support;

/// <summary>
/// A tiny HTTP/1.1 server on a loopback address for tests that need real sockets (the facade's own transport):
/// it reads each request's head, answers with what <c>respond</c> returns for the path, and closes the connection.
/// It counts every connection it accepts, so a test can show that nothing reached it.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<string, string> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    /// <param name="address">A loopback address, such as 127.0.0.1 or 127.0.0.2.</param>
    /// <param name="respond">The raw HTTP answer (status line, headers, blank line, body) for a request path.</param>
    public LoopbackHttpServer(IPAddress address, Func<string, string> respond)
    {
        _respond = respond;
        _listener = new TcpListener(address, 0);
        _listener.Start();
        BaseUri = new Uri($"http://{address}:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseUri { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The request lines received, in order.</summary>
    public ConcurrentQueue<string> RequestLines { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var head = new StringBuilder();
            var buffer = new byte[4096];
            try
            {
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await socket.ReceiveAsync(buffer, timeout.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                var requestLine = head.ToString().Split("\r\n")[0];
                RequestLines.Enqueue(requestLine);
                var path = requestLine.Split(' ')[1];
                await socket.SendAsync(Encoding.UTF8.GetBytes(_respond(path)), timeout.Token);
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException)
            {
                // The test ends or the client went away.
            }
        }
    }
}
