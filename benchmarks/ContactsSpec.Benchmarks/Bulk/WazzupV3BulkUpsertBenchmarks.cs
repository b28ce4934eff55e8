using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ContactsSpec.Benchmarks.Infrastructure;
using ContactsSpec.Conformance.Hosting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ContactsSpec.Benchmarks.Bulk;

/// <summary>
/// A 100,000-contact Wazzup v3 sync: the facade's UpsertManyAsync against WireMock.Net in process on loopback (a stub
/// accepting <c>POST /v3/contacts</c> with any body and answering 200), 1,000 requests of 100 contacts, one at a time
/// (MaxConcurrency = 1) and with the default concurrency (4). The baseline posts the same 1,000 bodies, serialised
/// beforehand, with a plain HttpClient at the same concurrency: what the server and HTTP cost alone. Mean is per
/// contact, by the wall clock (Bulk) and by the process's CPU time (BulkCpu: client and server together).
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes the clients and stops the server.")]
[BulkJob]
[BulkCpuJob]
[MemoryDiagnoser]
[ContactsPerSecondColumn]
public class WazzupV3BulkUpsertBenchmarks
{
    /// <summary>Contacts per run.</summary>
    public const int Contacts = 100_000;

    /// <summary>Contacts per request: the v3 route's limit.</summary>
    public const int BatchSize = 100;

    private WireMockServer _server = null!;
    private ContactsClient _facade = null!;
    private HttpClient _http = null!;
    private List<Contact> _contacts = null!;
    private List<byte[]> _bodies = null!;

    /// <summary>Requests in flight at once: 1 (sequential) or the default, 4.</summary>
    [Params(1, 4)]
    public int MaxConcurrency { get; set; }

    /// <summary>The stubbed route's address on a running server.</summary>
    public static Uri ContactsRoute(WireMockServer server) => new(server.BaseUri(), "v3/contacts");

    /// <summary>Starts WireMock.Net with the stub on loopback.</summary>
    public static WireMockServer StartServer()
    {
        var server = LoopbackWireMock.Start(keepRequestLog: false);
        server.Given(Request.Create().UsingPost().WithPath("/v3/contacts")).RespondWith(Response.Create().WithStatusCode(200));
        return server;
    }

    /// <summary>The facade for the server, over a real socket connection pool.</summary>
    public static ContactsClient CreateFacade(WireMockServer server, int maxConcurrency) => new(new WazzupV3ContactsOptions
    {
        ApiKey = "api-key",
        BaseUri = server.BaseUri(),
        AllowInsecureHttp = true,
        MaxConcurrency = maxConcurrency,
    });

    /// <summary>The contacts a CRM syncs: a WhatsApp channel each.</summary>
    public static List<Contact> CreateContacts(int count) =>
        [.. Enumerable.Range(0, count).Select(index => new Contact
        {
            Id = $"crm-{index}",
            ResponsibleUserId = "7",
            Name = $"Contact {index}",
            Web = $"https://crm.example.com/contacts/{index}",
            Channels = [new ContactChannel { ChatType = ChatType.WhatsApp, ChatId = $"7900{1_000_000 + index}" }],
        })];

    /// <summary>Starts WireMock with the stub, builds the facade and the baseline's bodies.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = StartServer();
        _facade = CreateFacade(_server, MaxConcurrency);
        _contacts = CreateContacts(Contacts);
        _http = new HttpClient { DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", "api-key") } };
        _bodies = [.. _contacts.Chunk(BatchSize).Select(chunk => JsonSerializer.SerializeToUtf8Bytes(chunk.Select(contact => new
        {
            id = contact.Id,
            responsibleUserId = contact.ResponsibleUserId,
            name = contact.Name,
            uri = contact.Web,
            contactData = contact.Channels.Select(channel => new { chatType = channel.ChatType.Value, chatId = channel.ChatId }),
        })))];
    }

    /// <summary>Stops WireMock.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _facade.Dispose();
        _http.Dispose();
        _server.Dispose();
    }

    /// <summary>The same 1,000 bodies, serialised beforehand, posted with a plain HttpClient.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Contacts)]
    public async Task<int> RawPost()
    {
        var route = ContactsRoute(_server);
        await Parallel.ForEachAsync(_bodies, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrency }, async (body, cancellationToken) =>
        {
            using var content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            using var response = await _http.PostAsync(route, content, cancellationToken);
            response.EnsureSuccessStatusCode();
        });
        return _bodies.Count;
    }

    /// <summary>100,000 contacts in 1,000 requests through the facade.</summary>
    [Benchmark(OperationsPerInvoke = Contacts)]
    public async Task<int> UpsertMany()
    {
        var result = await _facade.UpsertManyAsync(_contacts);
        return result.AllSucceeded
            ? result.Items.Count
            : throw new InvalidOperationException($"{result.Items.Count(item => item.Status != ContactBatchItemStatus.Succeeded)} contacts did not succeed, e.g. {result.Items.First(item => item.Status != ContactBatchItemStatus.Succeeded).Error}");
    }
}
