using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace ContactsSpec.Reliability.Tests.Support;

/// <summary>
/// The credential leak scan of the whole suite. Every credential the suite hands the facade carries a marker
/// (<c>CSSEC</c> and 16 hex digits) that nothing else contains, so any text holding a marker holds (part of) a
/// credential. Every text the facade gives out (exception messages and <c>ToString()</c>, client and options
/// <c>ToString()</c>, every log record, the summary) goes through <see cref="Scan"/>; a hit is recorded as a leak.
/// </summary>
internal static partial class Evidence
{
    private static readonly ConcurrentQueue<string> _leaks = new();
    private static long _textsScanned;
    private static long _charactersScanned;
    private static long _logRecords;

    /// <summary>The provider that captures (and scans) every log record.</summary>
    public static ILoggerProvider LoggerProvider { get; } = new CapturingLoggerProvider();

    /// <summary>The one logger factory of the suite; every client is built with it, at Trace level.</summary>
    public static ILoggerFactory LoggerFactory { get; } = Microsoft.Extensions.Logging.LoggerFactory.Create(builder =>
        builder.SetMinimumLevel(LogLevel.Trace).AddProvider(LoggerProvider));

    public static long TextsScanned => Interlocked.Read(ref _textsScanned);

    public static long CharactersScanned => Interlocked.Read(ref _charactersScanned);

    public static long LogRecords => Interlocked.Read(ref _logRecords);

    public static IReadOnlyList<string> Leaks => [.. _leaks];

    /// <summary>A fresh credential: a marker, then <paramref name="shape"/> (which may hold hostile characters).</summary>
    public static string NewSecret(string shape = "") => Marker() + shape;

    /// <summary>
    /// A marker: <c>CSSEC</c> and 16 random hex digits. Every credential of the suite starts with one, so the marker
    /// pattern finds any credential, raw or percent-encoded (the marker has nothing to encode), whole or in part.
    /// </summary>
    public static string Marker() => "CSSEC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Checks a text the facade gave out for credentials.</summary>
    public static void Scan(string source, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Interlocked.Increment(ref _textsScanned);
        Interlocked.Add(ref _charactersScanned, text.Length);
        if (MarkerPattern().Match(text) is { Success: true } match)
        {
            _leaks.Enqueue($"{source}: credential marker {match.Value} in: {Shorten(text)}");
        }
    }

    /// <summary>Scans what an exception shows: its message and <c>ToString()</c> (which includes inner exceptions).</summary>
    public static void Scan(string source, Exception? exception)
    {
        if (exception is not null)
        {
            Scan(source + " message", exception.Message);
            Scan(source + " ToString()", exception.ToString());
            if (exception is ContactsException contacts)
            {
                Scan(source + " ProviderCode", contacts.ProviderCode);
                foreach (var field in contacts.FieldErrors)
                {
                    Scan(source + " FieldErrors", field.ToString());
                }
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex("CSSEC[0-9a-f]{16}")]
    private static partial Regex MarkerPattern();

    /// <summary>Captures every log record of every client, its formatted message and each structured value.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            Scan($"log scope ({category})", state.ToString());
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Interlocked.Increment(ref _logRecords);
            var source = $"log {logLevel} ({category})";
            Scan(source, formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    Scan($"{source} {key}", value?.ToString());
                }
            }

            Scan(source + " exception", exception);
        }
    }
}
