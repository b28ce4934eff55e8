using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ContactsSpec.Internal;

/// <summary>
/// Logs each HTTP exchange by method, host, status and duration. Never the path or query: WAMM, Wawp and
/// WaSMS carry credentials there. (The IHttpClientFactory's own loggers, which log full URIs, are removed.) Marks
/// each request with the client's redactor, for <see cref="ContactsHttpTelemetry.RedactCredentials"/>.
/// </summary>
internal sealed partial class ContactsLoggingHandler(ILogger logger, string provider, SecretRedactor redactor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(ContactsHttpTelemetry.RedactorKey, redactor);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogExchange(logger, provider, request.Method, request.RequestUri, (int)response.StatusCode, elapsed);
            return response;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogFailure(logger, provider, request.Method, request.RequestUri, exception, elapsed);
            throw;
        }
    }

    private static void LogExchange(ILogger logger, string provider, HttpMethod method, Uri? uri, int status, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogAnswered(logger, provider, method.Method, uri?.Host, status, elapsed.TotalMilliseconds);
        }
    }

    private static void LogFailure(ILogger logger, string provider, HttpMethod method, Uri? uri, Exception exception, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
#pragma warning disable CA1873 // Guarded by IsEnabled just above; the analyzer does not see it.
            LogFailed(logger, provider, method.Method, uri?.Host, exception.GetType().Name, elapsed.TotalMilliseconds);
#pragma warning restore CA1873
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Provider}: {Method} {Host} answered {Status} in {ElapsedMs:0} ms")]
    private static partial void LogAnswered(ILogger logger, string provider, string method, string? host, int status, double elapsedMs);

    // The exception object itself is not logged: its message may quote a URL that carries credentials.
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Provider}: {Method} {Host} failed with {ExceptionType} after {ElapsedMs:0} ms")]
    private static partial void LogFailed(ILogger logger, string provider, string method, string? host, string exceptionType, double elapsedMs);
}
