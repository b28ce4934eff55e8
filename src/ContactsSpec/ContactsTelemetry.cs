using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ContactsSpec;

/// <summary>
/// The facade's own telemetry: an activity and measurements for every provider call it makes (one request unit: a
/// single operation, a page of a list, a chunk of a batch, retries included). Tags carry the provider key, the
/// operation, the outcome, the error kind and the attempts; never a credential, a URL or a contact's data. Collect
/// them with OpenTelemetry:
/// <code>
/// .WithTracing(tracing => tracing.AddSource(ContactsTelemetry.ActivitySourceName))
/// .WithMetrics(metrics => metrics.AddMeter(ContactsTelemetry.MeterName))
/// </code>
/// </summary>
public static class ContactsTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> the facade's activities come from.</summary>
    public const string ActivitySourceName = "ContactsSpec";

    /// <summary>
    /// The name of the <see cref="Meter"/>: <c>contacts.client.operations</c> (count, by outcome),
    /// <c>contacts.client.operation.duration</c> (seconds), <c>contacts.client.retries</c> and
    /// <c>contacts.client.errors</c> (by <c>error.kind</c>).
    /// </summary>
    public const string MeterName = "ContactsSpec";

    private const string ProviderTag = "contacts.provider";
    private const string OperationTag = "contacts.operation";
    private const string OutcomeTag = "contacts.outcome";
    private const string ErrorKindTag = "error.kind";
    private const string AttemptsTag = "contacts.attempts";

    private static readonly string? Version = typeof(ContactsTelemetry).Assembly.GetName().Version?.ToString();
    private static readonly ActivitySource Source = new(ActivitySourceName, Version);
    private static readonly Meter Meter = new(MeterName, Version);
    private static readonly Counter<long> Operations = Meter.CreateCounter<long>("contacts.client.operations", description: "Provider calls the facade made, by outcome.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("contacts.client.operation.duration", unit: "s", description: "Duration of a provider call, retries included.");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("contacts.client.retries", description: "Attempts after the first.");
    private static readonly Counter<long> Errors = Meter.CreateCounter<long>("contacts.client.errors", description: "Provider calls that ended in a ContactsException, by kind.");

    /// <summary>The activity for one provider call, or null when nobody listens.</summary>
    internal static Activity? Start(string provider, string operation)
    {
        // Checked first so that a call nobody traces does not build the activity's name.
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity($"contacts {operation}", ActivityKind.Internal);
        activity?.SetTag(ProviderTag, provider);
        activity?.SetTag(OperationTag, operation);
        return activity;
    }

    /// <summary>When a provider call began, for its duration; 0, and no clock read, while nobody collects durations.</summary>
    internal static long StartTimestamp() => Duration.Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Ends a provider call: tags its activity and records its measurements (its duration when <paramref name="startedAt"/> was taken).</summary>
    internal static void Stop(Activity? activity, string provider, string operation, long startedAt, int attempts, Exception? error)
    {
        var outcome = error switch
        {
            null => "success",
            ObjectDisposedException => "disposed",
            OperationCanceledException => "cancelled",
            _ => "error",
        };
        var kind = (error as ContactsException)?.Kind.ToString();
        // Measured only while a listener collects them: a call nobody meters builds no tags.
        if (Operations.Enabled || Duration.Enabled)
        {
            var tags = new TagList { { ProviderTag, provider }, { OperationTag, operation }, { OutcomeTag, outcome } };
            Operations.Add(1, tags);
            if (startedAt != 0)
            {
                Duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tags);
            }
        }

        if (attempts > 1 && Retries.Enabled)
        {
            Retries.Add(attempts - 1, new KeyValuePair<string, object?>(ProviderTag, provider), new KeyValuePair<string, object?>(OperationTag, operation));
        }

        if (kind is not null && Errors.Enabled)
        {
            Errors.Add(1, new KeyValuePair<string, object?>(ProviderTag, provider), new KeyValuePair<string, object?>(OperationTag, operation), new KeyValuePair<string, object?>(ErrorKindTag, kind));
        }

        if (activity is null)
        {
            return;
        }

        activity.SetTag(OutcomeTag, outcome);
        activity.SetTag(AttemptsTag, attempts);
        if (kind is not null)
        {
            activity.SetTag(ErrorKindTag, kind);
        }

        // The kind only: a message could quote a provider's answer.
        activity.SetStatus(error is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error, kind ?? (error is null ? null : outcome));
    }
}
