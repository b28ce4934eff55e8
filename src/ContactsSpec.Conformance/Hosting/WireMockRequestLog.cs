using System.Diagnostics;
using System.Globalization;
using System.Text;
using ContactsSpec.Conformance.Stubs;
using WireMock.Logging;
using WireMock.Server;

namespace ContactsSpec.Conformance.Hosting;

/// <summary>Reads a WireMock.Net server's request log: the requests of one case, and why a request matched no stub.</summary>
public static class WireMockRequestLog
{
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>The log entries of the requests tagged with <paramref name="caseTag"/> (<see cref="ConformanceHeaders.CaseId"/>), in arrival order.</summary>
    public static IReadOnlyList<ILogEntry> EntriesFor(this IWireMockServer server, string caseTag)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrEmpty(caseTag);
        return [.. server.LogEntries
            .Where(entry => entry.RequestMessage.Headers is { } headers
                && headers.Any(header => string.Equals(header.Key, ConformanceHeaders.CaseId, StringComparison.OrdinalIgnoreCase) && header.Value.Contains(caseTag)))
            .OrderBy(entry => entry.RequestMessage.DateTime)];
    }

    /// <summary>
    /// The requests tagged with <paramref name="caseTag"/>, once at least <paramref name="expected"/> have been logged or
    /// <paramref name="timeout"/> has passed. WireMock.Net logs a request after it has answered it, so a client can
    /// see the answer a moment before the entry exists.
    /// </summary>
    public static async Task<IReadOnlyList<ILogEntry>> WaitForAsync(
        this IWireMockServer server, string caseTag, int expected, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var entries = server.EntriesFor(caseTag);
            if (entries.Count >= expected || waited.Elapsed >= timeout)
            {
                return entries;
            }

            await Task.Delay(_pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Why a request matched no stub: the closest stub WireMock found and, per matcher of that stub, whether it
    /// matched. Empty when the request matched.
    /// </summary>
    public static string NearMiss(ILogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.MappingGuid is not null)
        {
            return string.Empty;
        }

        var request = entry.RequestMessage;
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{request.Method.ToUpperInvariant()} {request.Path}");
        if (entry.PartialMappingTitle is null || entry.PartialMatchResult is null)
        {
            return text.Append(": no stub comes close").ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $": closest stub '{entry.PartialMappingTitle}' (score {entry.PartialMatchResult.AverageTotalScore:0.00}); ");
        var failed = entry.PartialMatchResult.MatchDetails
            .Where(detail => detail.Score < 1.0)
            .Select(detail => detail.MatcherType.Name.Replace("RequestMessage", string.Empty, StringComparison.Ordinal).Replace("Matcher", string.Empty, StringComparison.Ordinal)
                + (string.IsNullOrEmpty(detail.Name) ? string.Empty : $" {detail.Name}"))
            .ToList();
        return text.Append(failed.Count == 0 ? "every matcher passed" : $"did not match: {string.Join(", ", failed)}").ToString();
    }
}
