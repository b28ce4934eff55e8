using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace ContactsSpec.Tests.Support;

/// <summary>
/// Records what .NET's HTTP stack emits while it lives, at its most verbose: every activity of the
/// <c>System.Net.Http</c> source (display name and tags) and every event of the <c>System.Net.Http</c> event source
/// (name and payload), as text to search for credentials.
/// </summary>
internal sealed class HttpTraceRecorder : EventListener
{
    private const string HttpSourceName = "System.Net.Http";
    private readonly ActivityListener _activities;

    public HttpTraceRecorder()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HttpSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Activities.Add(
                $"{activity.DisplayName} {string.Join(' ', activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))}"),
        };
        ActivitySource.AddActivityListener(_activities);
    }

    /// <summary>Each stopped HTTP activity: its display name and tags.</summary>
    public ConcurrentBag<string> Activities { get; } = [];

    /// <summary>Each HTTP event: its name and payload.</summary>
    public ConcurrentBag<string> Events { get; } = [];

    public override void Dispose()
    {
        _activities.Dispose();
        base.Dispose();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == HttpSourceName)
        {
            EnableEvents(eventSource, EventLevel.Verbose, EventKeywords.All);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData) =>
        Events.Add($"{eventData.EventName} {string.Join(' ', eventData.Payload ?? [])}");
}
