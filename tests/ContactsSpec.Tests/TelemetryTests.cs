using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>
/// The facade's own telemetry, as an <see cref="ActivityListener"/> and a <see cref="MeterListener"/> see it: one
/// activity per provider call with provider, operation, outcome, error kind and attempts, the matching measurements,
/// and no credential or URL anywhere in them.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class TelemetryTests : IDisposable
{
    private readonly List<Activity> _activities = [];
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener = new();
    private ActivityTraceId _trace;

    public TelemetryTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ContactsTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // Only this test's activities: they run under its own trace.
                if (activity.TraceId == _trace)
                {
                    lock (_activities)
                    {
                        _activities.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ContactsTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    [Test]
    public async Task A_call_retried_once_then_answered_is_one_activity_with_its_attempts_and_measurements()
    {
        var handler = ScriptedHandler.Sequence(
            () => Respond.Status(HttpStatusCode.ServiceUnavailable),
            () => Respond.Json(V3ContactJson("7")));
        using var client = Client(WazzupV3Options(maxRetries: 2), handler);

        await UnderOwnTraceAsync(() => client.GetAsync("7"));

        var activity = _activities.Single();
        Assert.Multiple(() =>
        {
            Assert.That(activity.Source.Name, Is.EqualTo(ContactsTelemetry.ActivitySourceName));
            Assert.That(activity.GetTagItem("contacts.provider"), Is.EqualTo("wazzup-v3"));
            Assert.That(activity.GetTagItem("contacts.operation"), Is.EqualTo("Get"));
            Assert.That(activity.GetTagItem("contacts.outcome"), Is.EqualTo("success"));
            Assert.That(activity.GetTagItem("contacts.attempts"), Is.EqualTo(2));
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Ok));
            Assert.That(Measured("contacts.client.operations", "Get"), Is.EqualTo(1));
            Assert.That(Measured("contacts.client.retries", "Get"), Is.EqualTo(1));
            Assert.That(_measurements.Count(measurement => measurement.Instrument == "contacts.client.operation.duration"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_failed_call_carries_its_error_kind_and_nothing_secret()
    {
        var handler = new ScriptedHandler(_ => Respond.Json("""{"err": "token fail"}"""));
        using var client = Client(WammOptions(maxRetries: 0), handler);

        await UnderOwnTraceAsync(async () => await ContactsErrorAsync(() => client.GetAsync("79001234567")));

        var activity = _activities.Single();
        var everything = string.Join(" ", _activities.SelectMany(item => item.TagObjects.Select(tag => $"{tag.Key}={tag.Value}")).Append(activity.DisplayName).Append(activity.StatusDescription)
            .Concat(_measurements.SelectMany(measurement => measurement.Tags.Select(tag => $"{tag.Key}={tag.Value}"))));
        Assert.Multiple(() =>
        {
            Assert.That(activity.GetTagItem("contacts.outcome"), Is.EqualTo("error"));
            Assert.That(activity.GetTagItem("error.kind"), Is.EqualTo("Authentication"));
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(Measured("contacts.client.errors", "Get", ("error.kind", "Authentication")), Is.EqualTo(1));
            Assert.That(everything, Does.Not.Contain(WammToken).And.Not.Contain("http").And.Not.Contain("79001234567"));
        });
    }

    private async Task UnderOwnTraceAsync(Func<Task> call)
    {
        using var parent = new Activity("test").Start();
        _trace = parent.TraceId;
        lock (_measurements)
        {
            _measurements.Clear();
        }

        lock (_activities)
        {
            _activities.Clear();
        }

        await call();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // Measurements carry no trace: only those made while this test's trace is current are its own.
        if (Activity.Current?.TraceId != _trace)
        {
            return;
        }

        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, copy));
        }
    }

    private double Measured(string instrument, string operation, params (string Key, string Value)[] more) =>
        _measurements.Where(measurement => measurement.Instrument == instrument && Equals(measurement.Tags.GetValueOrDefault("contacts.operation"), operation)
                && more.All(tag => Equals(measurement.Tags.GetValueOrDefault(tag.Key), tag.Value)))
            .Sum(measurement => measurement.Value);
}
