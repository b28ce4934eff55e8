using System.Globalization;
using System.Net;
using ContactsSpec.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>
/// A provider's Retry-After, in seconds or as an HTTP date, is waited out exactly; a wait the call cannot afford
/// (longer than <see cref="ContactsRetryOptions.MaxDelay"/> or than the time left of the overall timeout) ends the
/// call at once with RetryLater carrying it. Measured on a fake clock.
/// </summary>
[TestFixture]
public sealed class RetryAfterTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [Test]
    public async Task Retry_after_in_seconds_is_waited_out_exactly()
    {
        var clock = new FakeTimeProvider();
        var (handler, arrivals) = Scripted(clock, _ => Respond.TooManyRequests(5), _ => Respond.TooManyRequests(5), _ => Respond.Json(V3ContactJson("1")));
        using var client = Client(Options(clock), handler);

        await RunAsync(clock, client.GetAsync("1"));

        Assert.That(Gaps(arrivals), Is.EqualTo(new[] { TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5) }));
    }

    [Test]
    public async Task Retry_after_as_an_http_date_is_waited_out_exactly()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var (handler, arrivals) = Scripted(clock, now => WithRetryAfter(now.AddSeconds(7).ToString("R", CultureInfo.InvariantCulture)), _ => Respond.Json(V3ContactJson("1")));
        using var client = Client(Options(clock), handler);

        await RunAsync(clock, client.GetAsync("1"));

        Assert.That(Gaps(arrivals), Is.EqualTo(new[] { TimeSpan.FromSeconds(7) }));
    }

    [Test]
    public async Task Retry_after_longer_than_max_delay_ends_the_call_at_once_with_retry_later()
    {
        var clock = new FakeTimeProvider();
        var (handler, arrivals) = Scripted(clock, _ => Respond.TooManyRequests(100_000));
        using var client = Client(Options(clock), handler);

        var error = await ContactsErrorAsync(() => RunAsync(clock, client.GetAsync("1")));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.RetryLater));
            Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(100_000)));
            Assert.That(arrivals, Has.Count.EqualTo(1), "no retry inside the window the provider asked for");
        });
    }

    [Test]
    public async Task Retry_after_beyond_the_overall_timeout_ends_the_call_with_retry_later_not_transport()
    {
        var clock = new FakeTimeProvider();
        var (handler, arrivals) = Scripted(clock, _ => Respond.TooManyRequests(90));
        var options = Options(clock);
        options.Retry.MaxDelay = TimeSpan.FromMinutes(5);
        options.OverallTimeout = TimeSpan.FromSeconds(60);
        using var client = Client(options, handler);

        var error = await ContactsErrorAsync(() => RunAsync(clock, client.GetAsync("1")));

        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(ContactsErrorKind.RetryLater));
            Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(90)));
            Assert.That(arrivals, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Retry_after_as_a_date_in_the_past_is_not_a_zero_delay_retry()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var (handler, arrivals) = Scripted(clock, now => WithRetryAfter(now.AddMinutes(-5).ToString("R", CultureInfo.InvariantCulture)), _ => Respond.Json(V3ContactJson("1")));
        using var client = Client(Options(clock), handler);

        await RunAsync(clock, client.GetAsync("1"));

        Assert.That(Gaps(arrivals).Single(), Is.GreaterThan(TimeSpan.Zero), "the backoff applies instead");
    }

    private static WazzupV3ContactsOptions Options(FakeTimeProvider clock)
    {
        var options = new WazzupV3ContactsOptions { ApiKey = WazzupV3Key, TimeProvider = clock };
        options.Retry.MaxRetries = 3;
        options.Retry.BaseDelay = TimeSpan.FromSeconds(1);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        return options;
    }

    private static HttpResponseMessage WithRetryAfter(string value)
    {
        var response = Respond.Status(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", value);
        return response;
    }

    // Answers the n-th request with the n-th script step (the last one repeats), noting the fake time it arrived.
    private static (ScriptedHandler Handler, List<DateTimeOffset> Arrivals) Scripted(FakeTimeProvider clock, params Func<DateTimeOffset, HttpResponseMessage>[] steps)
    {
        var arrivals = new List<DateTimeOffset>();
        var handler = new ScriptedHandler(request =>
        {
            lock (arrivals)
            {
                arrivals.Add(clock.GetUtcNow());
            }

            return steps[Math.Min(request.Sequence, steps.Length - 1)](clock.GetUtcNow());
        });
        return (handler, arrivals);
    }

    // Moves the fake clock on in small steps until the call ends; at most ten fake minutes.
    private static async Task RunAsync<T>(FakeTimeProvider clock, Task<T> call)
    {
        for (var step = 0; step < 6_000 && !call.IsCompleted; step++)
        {
            await Task.Delay(5);
            if (!call.IsCompleted)
            {
                clock.Advance(Step);
            }
        }

        await call;
    }

    private static List<TimeSpan> Gaps(List<DateTimeOffset> arrivals) =>
        [.. arrivals.Zip(arrivals.Skip(1), (earlier, later) => later - earlier)];
}
