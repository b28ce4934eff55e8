using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using ContactsSpec.Benchmarks.Infrastructure;
using ContactsSpec.Conformance.Hosting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ContactsSpec.Benchmarks.Bulk;

/// <summary>
/// Upserting 10,000 contacts to Wazzup v3 through the facade's UpsertManyAsync against WireMock.Net in process on
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
    [GlobalSetup]
    public void Setup()
    {
        _server = LoopbackWireMock.Start(keepRequestLog: false);
        _server.Given(Request.Create().UsingPost().WithPath("/v3/contacts")).RespondWith(Response.Create().WithStatusCode(200));
        _facade = new ContactsClient(new WazzupV3ContactsOptions
        {
            ApiKey = "api-key",
            BaseUri = _server.BaseUri(),
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

    /// <summary>Stops WireMock.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _facade.Dispose();
        _server.Dispose();
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
