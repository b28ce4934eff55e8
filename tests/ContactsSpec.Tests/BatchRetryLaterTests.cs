using System.Net;
using ContactsSpec.Tests.Support;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>
/// A batch that meets RetryLater (the provider is rate limiting) stops sending what is left: those items come back
/// not attempted, carrying the provider's Retry-After, and the result still has one entry per input item.
/// </summary>
[TestFixture]
public sealed class BatchRetryLaterTests
{
    private const int Contacts = 20;
    private const int MaxRetries = 3;

    [TestCase(1)]
    [TestCase(4)]
    public async Task A_fanned_out_batch_stops_at_retry_later(int maxConcurrency)
    {
        var handler = new ScriptedHandler(_ => Respond.TooManyRequests(0));
        var options = WammOptions(MaxRetries);
        options.MaxConcurrency = maxConcurrency;
        using var client = Client(options, handler);

        var result = await client.UpsertManyAsync(Enumerable.Range(0, Contacts).Select(index => new Contact { Phone = $"7900100{index:D4}", Name = $"Contact {index}" }));

        Assert.Multiple(() =>
        {
            Assert.That(result.Items, Has.Count.EqualTo(Contacts), "one entry per input item");
            Assert.That(handler.Requests, Has.Count.LessThanOrEqualTo(maxConcurrency * (MaxRetries + 1)), "only the calls already in flight are sent");
            Assert.That(result.Items.Count(item => item.Status == ContactBatchItemStatus.NotAttempted), Is.GreaterThanOrEqualTo(Contacts - maxConcurrency));
            Assert.That(result.Items.Select(item => item.Error?.Kind), Is.All.EqualTo(ContactsErrorKind.RetryLater));
            Assert.That(result.Items.Select(item => item.Error?.RetryAfter), Is.All.EqualTo(TimeSpan.Zero), "the provider's Retry-After travels with every item");
        });
    }
}
