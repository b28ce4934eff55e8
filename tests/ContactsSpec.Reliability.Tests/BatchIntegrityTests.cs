using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Stubs;
using ContactsSpec.Reliability.Tests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ContactsSpec.Reliability.Tests;

/// <summary>
/// A 1,000-contact import where random chunks (Wazzup v3, batches of 100) or random single calls (WAMM, fan-out)
/// fail, some for good and some only once: the per-item results account for every contact exactly once, retrying
/// only the failed items completes the set, and WireMock's log shows each contact accepted exactly once.
/// The failures are drawn from a seed (CONTACTSSPEC_RELIABILITY_SEED to replay one), written to the summary.
/// WireMock.Net stubs choose the failing requests (by body or query) and count them; the calls go through the
/// faulting listener, which relays them to WireMock and turns a stub's fault directive into a real reset or empty
/// response.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class BatchIntegrityTests
{
    private const int Contacts = 1000;
    private const string AcceptStub = "accept";

    private enum Failure
    {
        Always500,
        AlwaysReset,
        AlwaysEmptyResponse,
        Always429,
        ResetOnce,
        Status503Once,
        RetryLaterOnce,
    }

    private static bool Persistent(Failure failure) => failure is Failure.Always500 or Failure.AlwaysReset or Failure.AlwaysEmptyResponse or Failure.Always429;

    [Test]
    public async Task WazzupV3_import_of_1000_with_failing_chunks_loses_and_duplicates_nothing()
    {
        var seed = Seed();
        var random = new Random(seed);
        var run = $"batch/wazzup-v3/{Guid.NewGuid():N}";
        var contacts = Enumerable.Range(0, Contacts).Select(index => new Contact
        {
            Id = $"{run[^8..]}-{index:0000}", ResponsibleUserId = "7", Name = $"Contact {index}",
            Channels = [new ContactChannel { ChatType = ChatType.WhatsApp, ChatId = string.Create(CultureInfo.InvariantCulture, $"7900{index:0000000}") }],
        }).ToList();

        // Three to five of the ten chunks fail: at least one for good and one only once.
        var chunkCount = Contacts / 100;
        var failing = Enumerable.Range(0, chunkCount).OrderBy(_ => random.Next()).Take(random.Next(3, 6)).ToList();
        Failure[] persistent = [Failure.Always500, Failure.AlwaysReset, Failure.AlwaysEmptyResponse, Failure.Always429];
        Failure[] transient = [Failure.ResetOnce, Failure.Status503Once];
        var failures = failing.Select((chunk, position) => (Chunk: chunk, Failure: position switch
        {
            0 => persistent[random.Next(persistent.Length)],
            1 => transient[random.Next(transient.Length)],
            _ => random.Next(2) == 0 ? persistent[random.Next(persistent.Length)] : transient[random.Next(transient.Length)],
        })).ToList();

        var first = run + "/first";
        var retry = run + "/retry";
        using var stubs = new WireMockStubSet(ReliabilityRun.Server);
        Accept(stubs, "POST", "/v3/contacts", run, body: null);
        foreach (var (chunk, failure) in failures)
        {
            // The chunk is known by its first contact's id, which only its request body holds.
            var id = contacts[chunk * 100].Id;
            AddFailure(stubs, () => Request("POST", "/v3/contacts", first).WithBody(new JsonPathMatcher($"$[?(@.id == '{id}')]")), failure, $"{first}/chunk-{chunk}");
        }

        var credentials = Credentials.New(ContactsProviders.WazzupV3);
        var firstPass = await UpsertManyAsync(ContactsProviders.WazzupV3, credentials, first, contacts);
        var expectedFailed = failures.Where(pair => Persistent(pair.Failure))
            .SelectMany(pair => Enumerable.Range(pair.Chunk * 100, 100)).ToHashSet();
        var failed = firstPass.Items.Where(item => item.Status != ContactBatchItemStatus.Succeeded).ToList();
        var retried = failed.Select(item => contacts[item.Index]).ToList();
        var secondPass = await UpsertManyAsync(ContactsProviders.WazzupV3, credentials, retry, retried);

        var accepted = await AcceptedAsync(run, request => JsonNode.Parse(request.Body.AsSpan())!.AsArray().Select(item => item!["id"]!.GetValue<string>()));
        var (lost, duplicates, strangers) = Reconcile(contacts.Select(contact => contact.Id!), accepted.Ids);

        Figures.Section("batchWazzupV3", new JsonObject
        {
            ["seed"] = seed,
            ["contacts"] = Contacts,
            ["chunks"] = chunkCount,
            ["failingChunks"] = new JsonArray([.. failures.OrderBy(pair => pair.Chunk).Select(pair => (JsonNode)new JsonObject { ["chunk"] = pair.Chunk, ["failure"] = pair.Failure.ToString() })]),
            ["firstPass"] = Counts(firstPass),
            ["retriedItems"] = retried.Count,
            ["secondPass"] = Counts(secondPass),
            ["requests"] = accepted.Requests,
            ["acceptedRequests"] = accepted.AcceptedRequests,
            ["accountedFor"] = firstPass.Items.Select(item => item.Index).Distinct().Count(),
            ["lost"] = lost.Count,
            ["duplicates"] = duplicates.Count,
        });

        Assert.Multiple(() =>
        {
            AssertAccountedFor(firstPass, contacts);
            Assert.That(failed.Select(item => item.Index).ToHashSet(), Is.EquivalentTo(expectedFailed), "exactly the chunks that failed for good are reported failed");
            Assert.That(failed.Select(item => item.Error), Has.All.Not.Null);
            Assert.That(failed.Select(item => item.Error!.IsRetryable), Has.All.True, "each failure here may pass on a later try");
            AssertAccountedFor(secondPass, retried);
            Assert.That(secondPass.AllSucceeded, Is.True, "retrying only the failed items completes the set");
            Assert.That(lost, Is.Empty, "contacts never accepted");
            Assert.That(duplicates, Is.Empty, "contacts accepted more than once");
            Assert.That(strangers, Is.Empty, "ids accepted that were not sent");
        });
        ScanErrors(firstPass, secondPass);
    }

    [Test]
    public async Task Wamm_fan_out_of_1000_with_failing_calls_loses_and_duplicates_nothing()
    {
        var seed = Seed();
        var random = new Random(seed);
        var run = $"batch/wamm/{Guid.NewGuid():N}";
        var contacts = Enumerable.Range(0, Contacts).Select(index => new Contact
        {
            Phone = string.Create(CultureInfo.InvariantCulture, $"7901{index:0000000}"), Name = $"Contact {index}",
        }).ToList();

        // One contact in ten fails: for good (500, reset, 429) or only once (reset, 503, "please retry").
        Failure[] modes = [Failure.Always500, Failure.AlwaysReset, Failure.Always429, Failure.ResetOnce, Failure.Status503Once, Failure.RetryLaterOnce];
        var failures = Enumerable.Range(0, Contacts).Where(_ => random.Next(10) == 0)
            .Select(index => (Index: index, Failure: modes[random.Next(modes.Length)])).ToList();

        var first = run + "/first";
        var retry = run + "/retry";
        using var stubs = new WireMockStubSet(ReliabilityRun.Server);
        Accept(stubs, "GET", "/api2/contact_to/[^/]+/", run, """{"err": 0, "result": "insert"}""");
        foreach (var group in failures.Where(pair => Persistent(pair.Failure)).GroupBy(pair => pair.Failure))
        {
            var phones = $"^({string.Join('|', group.Select(pair => contacts[pair.Index].Phone))})$";
            AddFailure(stubs, () => Request("GET", "/api2/contact_to/[^/]+/", first).WithParam("phone", new RegexMatcher(phones)), group.Key, $"{first}/{group.Key}");
        }

        // A failure that passes needs its own scenario per contact: a scenario's state is shared by its stubs.
        foreach (var (index, failure) in failures.Where(pair => !Persistent(pair.Failure)))
        {
            var phone = contacts[index].Phone!;
            AddFailure(stubs, () => Request("GET", "/api2/contact_to/[^/]+/", first).WithParam("phone", new ExactMatcher(phone)), failure, $"{first}/{index}");
        }

        var credentials = Credentials.New(ContactsProviders.Wamm);
        var firstPass = await UpsertManyAsync(ContactsProviders.Wamm, credentials, first, contacts);
        var expectedFailed = failures.Where(pair => Persistent(pair.Failure)).Select(pair => pair.Index).ToHashSet();
        var failed = firstPass.Items.Where(item => item.Status != ContactBatchItemStatus.Succeeded).ToList();
        var retried = failed.Select(item => contacts[item.Index]).ToList();
        var secondPass = await UpsertManyAsync(ContactsProviders.Wamm, credentials, retry, retried);

        var accepted = await AcceptedAsync(run, request => [Wire.QueryValue(request.Query, "phone")!]);
        var (lost, duplicates, strangers) = Reconcile(contacts.Select(contact => contact.Phone!), accepted.Ids);

        Figures.Section("batchWamm", new JsonObject
        {
            ["seed"] = seed,
            ["contacts"] = Contacts,
            ["failingCalls"] = failures.Count,
            ["failingForGood"] = expectedFailed.Count,
            ["byFailure"] = new JsonObject([.. failures.GroupBy(pair => pair.Failure).OrderBy(group => group.Key)
                .Select(group => KeyValuePair.Create<string, JsonNode?>(group.Key.ToString(), group.Count()))]),
            ["firstPass"] = Counts(firstPass),
            ["retriedItems"] = retried.Count,
            ["secondPass"] = Counts(secondPass),
            ["requests"] = accepted.Requests,
            ["acceptedRequests"] = accepted.AcceptedRequests,
            ["accountedFor"] = firstPass.Items.Select(item => item.Index).Distinct().Count(),
            ["lost"] = lost.Count,
            ["duplicates"] = duplicates.Count,
        });

        Assert.Multiple(() =>
        {
            AssertAccountedFor(firstPass, contacts);
            // A 429 is the provider asking for fewer requests: the batch stops there, and what was left comes back not sent.
            var reported = firstPass.Failed.Select(item => item.Index).ToHashSet();
            var notSent = firstPass.NotAttempted.ToList();
            Assert.That(reported, Is.SubsetOf(expectedFailed), "only calls that failed for good are reported failed");
            Assert.That(expectedFailed.Except(notSent.Select(item => item.Index)), Is.SubsetOf(reported), "every call that failed for good before the stop is reported failed");
            Assert.That(notSent.Count > 0, Is.EqualTo(failures.Any(pair => pair.Failure == Failure.Always429)), "the batch stops at a 429, and only then");
            Assert.That(notSent.Select(item => (item.Error!.Kind, item.Error.Status)), Has.All.EqualTo((ContactsErrorKind.RetryLater, (int?)429)), "not sent, with the 429 that stopped the batch");
            Assert.That(failed.Select(item => item.Error!.IsRetryable), Has.All.True);
            AssertAccountedFor(secondPass, retried);
            Assert.That(secondPass.AllSucceeded, Is.True, "retrying only the failed items completes the set");
            Assert.That(lost, Is.Empty, "contacts never accepted");
            Assert.That(duplicates, Is.Empty, "contacts accepted more than once");
            Assert.That(strangers, Is.Empty, "phones accepted that were not sent");
        });
        ScanErrors(firstPass, secondPass);
    }

    // One seed for the run, shared by both imports; CONTACTSSPEC_RELIABILITY_SEED replays a run.
    private static readonly Lazy<int> _seed = new(() =>
        int.TryParse(Environment.GetEnvironmentVariable("CONTACTSSPEC_RELIABILITY_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next());

    private static int Seed() => _seed.Value;

    private static async Task<ContactBatchResult> UpsertManyAsync(string provider, Credentials credentials, string tag, List<Contact> contacts)
    {
        // Through the faulting listener, which relays to WireMock and plays the stubs' fault directives.
        var options = ProviderCatalog.Options(provider, ReliabilityRun.Faults.BaseUri, credentials);
        options.Retry.MaxRetries = 2;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.MaxConcurrency = 8;
        using var handler = new CaseTaggingHandler(tag);
        using var client = new ContactsClient(options, handler, Evidence.LoggerFactory);
        return await client.UpsertManyAsync(contacts);
    }

    private static void AssertAccountedFor(ContactBatchResult result, List<Contact> input)
    {
        Assert.That(result.Items, Has.Count.EqualTo(input.Count), "one result per input item");
        Assert.That(result.Items.Select(item => item.Index), Is.EqualTo(Enumerable.Range(0, input.Count)), "each index once, in input order");
        Assert.That(result.Items.Select(item => item.Key), Is.EqualTo(input.Select(contact => contact.Id ?? contact.Phone)), "each item keyed by its own contact");
        Assert.That(result.Succeeded.Count() + result.Failed.Count() + result.NotAttempted.Count(), Is.EqualTo(input.Count));
    }

    private static (List<string> Lost, List<string> Duplicates, List<string> Strangers) Reconcile(IEnumerable<string> sent, IReadOnlyList<string> accepted)
    {
        var counts = accepted.GroupBy(id => id).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var all = sent.ToHashSet(StringComparer.Ordinal);
        return (
            [.. all.Where(id => !counts.ContainsKey(id))],
            [.. counts.Where(pair => pair.Value > 1).Select(pair => pair.Key)],
            [.. counts.Keys.Where(id => !all.Contains(id))]);
    }

    /// <summary>
    /// The ids in the bodies (or queries) of the run's requests that the accepting stub answered, read from WireMock's
    /// log once it has stopped growing (it logs a request after answering it).
    /// </summary>
    private static async Task<(IReadOnlyList<string> Ids, int Requests, int AcceptedRequests)> AcceptedAsync(string run, Func<RecordedRequest, IEnumerable<string>> ids)
    {
        List<WireMock.Logging.ILogEntry> Entries() => [.. ReliabilityRun.Server.LogEntries
            .Where(entry => RecordedRequest.From(entry.RequestMessage).Header(ConformanceHeaders.CaseId)?.StartsWith(run, StringComparison.Ordinal) == true)];
        var entries = Entries();
        var waited = Stopwatch.StartNew();
        var unchangedSince = Stopwatch.StartNew();
        while (unchangedSince.Elapsed < TimeSpan.FromMilliseconds(300) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
            var now = Entries();
            if (now.Count != entries.Count)
            {
                entries = now;
                unchangedSince.Restart();
            }
        }

        var accepted = entries.Where(entry => entry.MappingTitle == AcceptStub).ToList();
        return ([.. accepted.SelectMany(entry => ids(RecordedRequest.From(entry.RequestMessage)))], entries.Count, accepted.Count);
    }

    private static IRequestBuilder Request(string method, string pathPattern, string tag) => WireMock.RequestBuilders.Request.Create()
        .UsingMethod(method)
        .WithPath(new RegexMatcher("^" + pathPattern + "$"))
        .WithHeader(ConformanceHeaders.CaseId, new ExactMatcher(tag));

    // Answers every request of the run (both passes) that no failure stub takes.
    private static void Accept(WireMockStubSet stubs, string method, string pathPattern, string run, string? body)
    {
        var request = WireMock.RequestBuilders.Request.Create()
            .UsingMethod(method)
            .WithPath(new RegexMatcher("^" + pathPattern + "$"))
            .WithHeader(ConformanceHeaders.CaseId, new RegexMatcher("^" + Regex.Escape(run) + "/.*"));
        var response = Response.Create().WithStatusCode(200);
        if (body is not null)
        {
            response.WithHeader("Content-Type", "application/json").WithBody(body);
        }

        stubs.Given(request).WithTitle(AcceptStub).AtPriority(10).RespondWith(response);
    }

    private static void AddFailure(WireMockStubSet stubs, Func<IRequestBuilder> request, Failure failure, string scenario)
    {
        var response = failure switch
        {
            Failure.Always500 => Response.Create().WithStatusCode(500),
            Failure.Status503Once => Response.Create().WithStatusCode(503),
            Failure.Always429 => Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0"),
            // The listener in front turns these into a reset connection or one closed with nothing sent.
            Failure.AlwaysReset or Failure.ResetOnce => FaultDirective(ListenerAction.Reset),
            Failure.AlwaysEmptyResponse => FaultDirective(ListenerAction.CloseEmpty),
            Failure.RetryLaterOnce => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"err": "phone not checked, please retry"}"""),
            _ => throw new ArgumentOutOfRangeException(nameof(failure)),
        };
        var stub = stubs.Given(request()).WithTitle(scenario).AtPriority(1);
        if (!Persistent(failure))
        {
            // Fails once; afterwards the scenario has moved on and the accepting stub answers.
            stub = stub.InScenario(scenario).WillSetStateTo("passed");
        }

        stub.RespondWith(response);
    }

    private static IResponseBuilder FaultDirective(ListenerAction action) => Response.Create()
        .WithStatusCode(FaultingListener.FaultDirectiveStatus)
        .WithHeader(FaultingListener.FaultHeader, action.ToString())
        .WithBody($"fault directive for the faulting listener: {action}");

    private static JsonObject Counts(ContactBatchResult result) => new()
    {
        ["succeeded"] = result.Succeeded.Count(),
        ["failed"] = result.Failed.Count(),
        ["notAttempted"] = result.NotAttempted.Count(),
        ["failedByKind"] = new JsonObject([.. result.Failed.GroupBy(item => item.Error!.Kind).OrderBy(group => group.Key)
            .Select(group => KeyValuePair.Create<string, JsonNode?>(group.Key.ToString(), group.Count()))]),
    };

    private static void ScanErrors(params ContactBatchResult[] results)
    {
        foreach (var item in results.SelectMany(result => result.Items))
        {
            Evidence.Scan("batch item error", item.Error);
        }
    }
}
