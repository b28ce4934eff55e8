using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using ContactsSpec.Benchmarks.Infrastructure;
using ContactsSpec.Conformance.Hosting;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ContactsSpec.Benchmarks.Bulk;

/// <summary>
/// 1,000 WAMM contacts upserted through the facade's UpsertManyAsync against WireMock.Net in process on loopback: WAMM
/// has no batch route, so the facade sends 1,000 single <c>contact_to</c> calls, at most MaxConcurrency at a time
/// (a stub for <c>GET /api2/contact_to/{token}/</c> answers <c>{"err":0,"result":"insert"}</c>). Mean is per contact.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes the facade and stops the server.")]
[BulkJob]
[MemoryDiagnoser]
[ContactsPerSecondColumn]
public class WammFanOutUpsertBenchmarks
{
    /// <summary>Contacts per run.</summary>
    public const int Contacts = 1_000;

    private WireMockServer _server = null!;
    private ContactsClient _facade = null!;
    private List<Contact> _contacts = null!;

    /// <summary>Single calls in flight at once: 1 (sequential), the default 4, and 8.</summary>
    [Params(1, 4, 8)]
    public int MaxConcurrency { get; set; }

    /// <summary>Starts WireMock with the stub and builds the facade over a real socket connection pool.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = LoopbackWireMock.Start(keepRequestLog: false);
        _server.Given(Request.Create().UsingGet().WithPath(new RegexMatcher("^/api2/contact_to/[^/]+/$")))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"err":0,"result":"insert"}"""));
        _facade = new ContactsClient(new WammContactsOptions
        {
            Token = "token",
            BaseUri = _server.BaseUri(),
            AllowInsecureHttp = true,
            MaxConcurrency = MaxConcurrency,
        });
        _contacts = [.. Enumerable.Range(0, Contacts).Select(index => new Contact
        {
            Phone = $"7900{1_000_000 + index}",
            Name = $"Contact {index}",
        })];
    }

    /// <summary>Stops WireMock.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _facade.Dispose();
        _server.Dispose();
    }

    /// <summary>1,000 single upserts.</summary>
    [Benchmark(OperationsPerInvoke = Contacts)]
    public async Task<int> UpsertMany()
    {
        var result = await _facade.UpsertManyAsync(_contacts);
        return result.AllSucceeded
            ? result.Items.Count
            : throw new InvalidOperationException($"{result.Items.Count(item => item.Status != ContactBatchItemStatus.Succeeded)} contacts did not succeed, e.g. {result.Items.First(item => item.Status != ContactBatchItemStatus.Succeeded).Error}");
    }
}
