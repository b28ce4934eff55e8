using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ContactsSpec.Benchmarks.Infrastructure;
using ContactsSpec.Conformance.Hosting;

namespace ContactsSpec.Benchmarks.Bulk;

/// <summary>
/// 1,000 WAMM contacts upserted through the facade's UpsertManyAsync against the real WireMock on loopback: WAMM
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
            ["request"] = new JsonObject { ["method"] = "GET", ["urlPathPattern"] = "/api2/contact_to/[^/]+/" },
            ["response"] = new JsonObject
            {
                ["status"] = 200,
                ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
                ["body"] = """{"err":0,"result":"insert"}""",
            },
        });
        _facade = new ContactsClient(new WammContactsOptions
        {
            Token = "token",
            BaseUri = _server.BaseUri,
            AllowInsecureHttp = true,
            MaxConcurrency = MaxConcurrency,
        });
        _contacts = [.. Enumerable.Range(0, Contacts).Select(index => new Contact
        {
            Phone = $"7900{1_000_000 + index}",
            Name = $"Contact {index}",
        })];
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
