using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ContactsSpec.Conformance.Hosting;

/// <summary>
/// The official WireMock standalone jar running in a Java process on a free loopback port, with its admin API.
/// Dispose it to stop the process; it is also killed when the host process exits.
/// </summary>
public sealed class WireMockServer : IAsyncDisposable
{
    private const int MaxPortAttempts = 3;
    private const int LogTailLines = 20;
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan _exitWait = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly LogSink _log;
    private readonly string _rootDirectory;
    private readonly EventHandler _killOnHostExit;
    private bool _ownsRootDirectory;
    private int _disposed;

    private WireMockServer(Process process, LogSink log, int port, string rootDirectory, string logPath)
    {
        _process = process;
        _log = log;
        _rootDirectory = rootDirectory;
        ProcessId = process.Id;
        LogPath = logPath;
        BaseUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        Admin = new WireMockAdminClient(BaseUri);
        _killOnHostExit = (_, _) => StopOnHostExit();
        AppDomain.CurrentDomain.ProcessExit += _killOnHostExit;
    }

    /// <summary>The server's address, <c>http://127.0.0.1:N/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The Java process's id.</summary>
    public int ProcessId { get; }

    /// <summary>The admin API client for this server.</summary>
    public WireMockAdminClient Admin { get; }

    /// <summary>The file WireMock's output is appended to; it is kept after disposal.</summary>
    public string LogPath { get; }

    /// <summary>
    /// Starts WireMock and waits until <c>/__admin/health</c> answers 200. A port lost to another process between
    /// choosing and binding it is retried with a new port, up to three attempts.
    /// </summary>
    /// <param name="options">Where the jar and Java are, and how to run them.</param>
    /// <param name="cancellationToken">Cancels the start; a started process is killed.</param>
    /// <exception cref="WireMockStartException">Java or the jar is missing, WireMock exited, or it did not become healthy in time.</exception>
    public static async Task<WireMockServer> StartAsync(WireMockServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.ExtraArguments);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.StartupTimeout, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();

        var jarPath = Path.GetFullPath(options.JarPath);
        if (!File.Exists(jarPath))
        {
            throw new WireMockStartException($"The WireMock jar is missing at {jarPath}; run `npm ci` in the repository root.");
        }

        var javaPath = ResolveJava(options.JavaPath);
        var ownsRootDirectory = options.RootDirectory is null;
        var rootDirectory = Path.GetFullPath(options.RootDirectory ?? NewTempPath(string.Empty));
        var logPath = Path.GetFullPath(options.LogPath ?? NewTempPath(".log"));
        Directory.CreateDirectory(rootDirectory);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.StartupTimeout);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var server = Launch(javaPath, jarPath, rootDirectory, logPath, options.ExtraArguments);
                try
                {
                    await server.WaitUntilHealthyAsync(options.StartupTimeout, deadline.Token, cancellationToken).ConfigureAwait(false);
                    server._ownsRootDirectory = ownsRootDirectory;
                    return server;
                }
                catch (WireMockStartException) when (attempt < MaxPortAttempts && server._log.TailContains("Failed to bind", "Address already in use"))
                {
                    await server.DisposeAsync().ConfigureAwait(false);
                }
                catch
                {
                    await server.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            }
        }
        catch when (ownsRootDirectory)
        {
            TryDeleteDirectory(rootDirectory);
            throw;
        }
    }

    /// <summary>Kills the Java process tree, waits for it to exit and deletes the temporary root directory. Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _killOnHostExit;
        Admin.Dispose();
        KillProcessTree();
        using (var exitWait = new CancellationTokenSource(_exitWait))
        {
            try
            {
                // Also waits for the redirected output to be drained into the log.
                await _process.WaitForExitAsync(exitWait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _log.WriteLine($"# WireMock (pid {ProcessId}) did not exit within {_exitWait.TotalSeconds:0} s of being killed.");
            }
        }

        _log.Dispose();
        _process.Dispose();
        if (_ownsRootDirectory)
        {
            TryDeleteDirectory(_rootDirectory);
        }
    }

    private static WireMockServer Launch(string javaPath, string jarPath, string rootDirectory, string logPath, IReadOnlyList<string> extraArguments)
    {
        var port = FindFreePort();
        var startInfo = new ProcessStartInfo(javaPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = rootDirectory,
        };
        string[] arguments =
        [
            "-jar", jarPath,
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--bind-address", "127.0.0.1",
            "--root-dir", rootDirectory,
            "--disable-banner",
            .. extraArguments,
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var log = new LogSink(logPath, LogTailLines);
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => log.WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => log.WriteLine(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            log.Dispose();
            throw new WireMockStartException(
                $"Could not run {javaPath}: {exception.Message}. Java 17 or newer is needed to run WireMock; install it, "
                + "e.g. `apt-get install openjdk-17-jre-headless`, or set JAVA_HOME.",
                exception);
        }

        log.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"# {DateTimeOffset.UtcNow:O} started WireMock, pid {process.Id}, port {port}: {javaPath} {string.Join(' ', arguments)}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WireMockServer(process, log, port, rootDirectory, logPath);
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken deadline, CancellationToken caller)
    {
        try
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    await ThrowExitedAsync().ConfigureAwait(false);
                }

                if (await Admin.IsHealthyAsync(deadline).ConfigureAwait(false) && !_process.HasExited)
                {
                    return;
                }

                await Task.Delay(_pollInterval, deadline).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            throw new WireMockStartException(
                $"WireMock (pid {ProcessId}) did not answer {BaseUri}__admin/health within {timeout.TotalSeconds:0.#} s. "
                + $"Full log: {LogPath}. Last lines:{Environment.NewLine}{_log.Tail()}");
        }
    }

    private async Task ThrowExitedAsync()
    {
        using (var drain = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                // Lets the last output lines (the reason it exited) reach the log before it is quoted.
                await _process.WaitForExitAsync(drain.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Quote what has arrived so far.
            }
        }

        throw new WireMockStartException(
            $"WireMock (pid {ProcessId}) exited with code {_process.ExitCode} during startup. "
            + $"Full log: {LogPath}. Last lines:{Environment.NewLine}{_log.Tail()}");
    }

    private void StopOnHostExit()
    {
        KillProcessTree();
        if (_ownsRootDirectory)
        {
            try
            {
                _process.WaitForExit(TimeSpan.FromSeconds(2));
            }
            catch (InvalidOperationException)
            {
                // Disposed meanwhile.
            }

            TryDeleteDirectory(_rootDirectory);
        }
    }

    private void KillProcessTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (Win32Exception)
        {
            // Exiting while being killed.
        }
    }

    private static string ResolveJava(string? javaPath)
    {
        const string Advice = "Java 17 or newer is needed to run WireMock; install it, e.g. `apt-get install openjdk-17-jre-headless`, or set JAVA_HOME.";
        var executable = OperatingSystem.IsWindows() ? "java.exe" : "java";
        if (javaPath is not null)
        {
            if (File.Exists(javaPath))
            {
                return Path.GetFullPath(javaPath);
            }

            if (Path.GetFileName(javaPath) == javaPath && FindOnPath(javaPath) is { } found)
            {
                return found;
            }

            throw new WireMockStartException($"{Advice} No Java executable at '{javaPath}'.");
        }

        var javaHome = Environment.GetEnvironmentVariable("JAVA_HOME");
        if (!string.IsNullOrEmpty(javaHome))
        {
            var candidate = Path.Combine(javaHome, "bin", executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return FindOnPath(executable)
            ?? throw new WireMockStartException(
                $"{Advice} Neither $JAVA_HOME/bin/{executable} (JAVA_HOME='{javaHome}') nor '{executable}' on PATH exists.");
    }

    private static string? FindOnPath(string executable)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var candidate = Path.Combine(folder, executable);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int FindFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string NewTempPath(string extension) =>
        Path.Combine(Path.GetTempPath(), $"contactsspec-wiremock-{Guid.NewGuid():N}{extension}");

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
        catch (IOException)
        {
            // A leftover temporary directory is not worth failing a test run for.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    /// <summary>Appends output lines to the log file from the process's reader threads and keeps the last few.</summary>
    private sealed class LogSink : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly StreamWriter _writer;
        private readonly Queue<string> _tail = new();
        private readonly int _tailLines;
        private bool _closed;

        public LogSink(string path, int tailLines)
        {
            _tailLines = tailLines;
            if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            _writer = new StreamWriter(stream) { AutoFlush = true };
        }

        public void WriteLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_gate)
            {
                if (_closed)
                {
                    return;
                }

                _writer.WriteLine(line);
                _tail.Enqueue(line);
                if (_tail.Count > _tailLines)
                {
                    _tail.Dequeue();
                }
            }
        }

        public string Tail()
        {
            lock (_gate)
            {
                return _tail.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _tail);
            }
        }

        public bool TailContains(params string[] texts)
        {
            lock (_gate)
            {
                return _tail.Any(line => texts.Any(text => line.Contains(text, StringComparison.OrdinalIgnoreCase)));
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (!_closed)
                {
                    _closed = true;
                    _writer.Dispose();
                }
            }
        }
    }
}
