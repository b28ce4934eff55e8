using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace ContactsSpec.Conformance.Hosting;

/// <summary>
/// Starts WireMock.Net in this process on a free port of the loopback address only, with no admin interface and
/// no static mappings: stubs go in through its C# API, and requests are read back from its log entries.
/// </summary>
public static class LoopbackWireMock
{
    /// <summary>
    /// Carries the request target exactly as it arrived (WireMock.Net keeps only the decoded path), added before
    /// WireMock reads the request; <see cref="RecordedRequest.From"/> reads it and leaves it out of the headers.
    /// </summary>
    internal const string RawTargetHeader = "X-ContactsSpec-Raw-Target";

    private const int MaxPortAttempts = 3;

    // Hostile-input tests send credentials and ids far longer than Kestrel's 8 KiB request-line default.
    private const int MaxRequestHeadBytes = 1 << 20;

    /// <summary>
    /// A started server on <c>http://127.0.0.1:N</c>. A port taken by another process between choosing and binding
    /// it is retried with a new one, up to three attempts. Dispose the server to stop it.
    /// </summary>
    /// <param name="keepRequestLog">False for load runs that send thousands of requests and read none back.</param>
    public static WireMockServer Start(bool keepRequestLog = true)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            try
            {
                return WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = [string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")],
                    StartAdminInterface = false,
                    ReadStaticMappings = false,
                    Logger = new WireMockNullLogger(),
                    MaxRequestLogCount = keepRequestLog ? null : 0,
                    AdditionalServiceRegistration = services => ((IServiceCollection)services).Configure<KestrelServerOptions>(kestrel =>
                    {
                        kestrel.Limits.MaxRequestLineSize = MaxRequestHeadBytes;
                        kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadBytes;
                    }),
                    PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(next => context =>
                    {
                        context.Request.Headers[RawTargetHeader] = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
                        return next(context);
                    }),
                });
            }
            catch (Exception error) when (attempt < MaxPortAttempts && IsAddressInUse(error))
            {
                // Lost the port to another process: choose again.
            }
        }
    }

    /// <summary>
    /// The server's address with a trailing slash, <c>http://127.0.0.1:N/</c>, for relative URIs. WireMock.Net names
    /// it <c>localhost</c>, which a client may try on ::1 first; the server listens on 127.0.0.1 alone.
    /// </summary>
    public static Uri BaseUri(this IWireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.IsStarted
            ? new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{server.Port}/"))
            : throw new InvalidOperationException("The WireMock server is not running.");
    }

    private static int FreePort()
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

    private static bool IsAddressInUse(Exception error)
    {
        for (var current = (Exception?)error; current is not null; current = current.InnerException)
        {
            if (current is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
                || current.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
