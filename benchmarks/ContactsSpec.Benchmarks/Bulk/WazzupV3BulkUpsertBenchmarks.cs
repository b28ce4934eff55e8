using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ContactsSpec.Benchmarks.Infrastructure;
using ContactsSpec.Conformance.Hosting;

namespace ContactsSpec.Benchmarks.Bulk;

/// <summary>
/// Upserting 10,000 contacts to Wazzup v3 through the facade's UpsertManyAsync against the real WireMock on
/// loopback (a stub accepting <c>POST /v3/contacts</c> with any body and answering 200): 100 requests of 100
/// contacts, one at a time (MaxConcurrency = 1) and with the default concurrency (4). Mean is per contact.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes the facade and stops the server.")]
[BulkJob]
[MemoryDiagnoser]
[ContactsPerSecondColumn]
public class WazzupV3BulkUpsertBenchmarks
{
    /// <summary>Contacts per run.</summary>
    public const int Contacts = 10_000;

    private WireMockServer _server = null!;
    private ContactsClient _facade = null!;
    private List<Contact> _contacts = null!;

    /// <summary>Requests in flight at once: 1 (sequential) or the default, 4.</summary>
    [Params(1, 4)]
    public int MaxConcurrency { get; set; }

    /// <summary>Starts WireMock with the stub and builds the facade over a real socket connection pool.</summary>
    // Synchronous on purpose: the in-process toolchain does not await an async [GlobalSetup].
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Stops WireMock.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _facade.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task SetupAsync()
    {
        _server = await LoopbackWireMock.StartAsync(new JsonObject
        {
            ["request"] = new JsonObject { ["method"] = "POST", ["urlPath"] = "/v3/contacts" },
            ["response"] = new JsonObject { ["status"] = 200 },
        });
        _facade = new ContactsClient(new WazzupV3ContactsOptions
        {
            ApiKey = "api-key",
            BaseUri = _server.BaseUri,
            AllowInsecureHttp = true,
            MaxConcurrency = MaxConcurrency,
        });
        _contacts = [.. Enumerable.Range(0, Contacts).Select(index => new Contact
        {
            Id = $"crm-{index}",
            ResponsibleUserId = "7",
            Name = $"Contact {index}",
            Web = $"https://crm.example.com/contacts/{index}",
            Channels = [new ContactChannel { ChatType = ChatType.WhatsApp, ChatId = $"7900{1_000_000 + index}" }],
        })];
    }

    /// <summary>10,000 contacts in 100 requests.</summary>
    [Benchmark(OperationsPerInvoke = Contacts)]
    public async Task<int> UpsertMany()
    {
        var result = await _facade.UpsertManyAsync(_contacts);
        return result.AllSucceeded
            ? result.Items.Count
            : throw new InvalidOperationException($"{result.Items.Count(item => item.Status != ContactBatchItemStatus.Succeeded)} contacts did not succeed, e.g. {result.Items.First(item => item.Status != ContactBatchItemStatus.Succeeded).Error}");
    }
}
