using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ContactsSpec.Benchmarks.Baseline;
using ContactsSpec.Benchmarks.Infrastructure;
using ContactsSpec.Clients.WazzupV3;

namespace ContactsSpec.Benchmarks.Streaming;

/// <summary>
/// Listing every contact of a Wazzup v3 account holding 10,000 and 100,000 contacts (100 per page) through the
/// facade's <see cref="ContactsClient.ListAsync"/>, over an in-memory server that writes pages on the fly.
/// Each benchmark declares its contact count as OperationsPerInvoke, so Mean is the time per contact and
/// Allocated the bytes allocated per contact: equal figures for both sizes mean memory does not grow with the
/// total. A hand-written paging loop (source-generated JSON) and the generated client are the reference points.
/// </summary>
[StreamingJob]
[ContactsPerSecondColumn]
[MemoryDiagnoser]
[MedianRatioColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class StreamingListBenchmarks
{
    /// <summary>The smaller account.</summary>
    public const int Small = 10_000;

    /// <summary>The larger account.</summary>
    public const int Large = 100_000;

    private const string SmallCategory = "list 10,000";
    private const string LargeCategory = "list 100,000";

    private readonly List<IDisposable> _owned = [];
    private HttpClient _smallHttp = null!;
    private HttpClient _largeHttp = null!;
    private ContactsClient _smallFacade = null!;
    private ContactsClient _largeFacade = null!;

    /// <summary>Builds one in-memory server per size, with a facade and an HttpClient over each.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var small = Own(new PagedContactsHandler(Small));
        var large = Own(new PagedContactsHandler(Large));
        _smallHttp = Own(new HttpClient(small, disposeHandler: false));
        _largeHttp = Own(new HttpClient(large, disposeHandler: false));
        WazzupV3BaselineClient.Authorize(_smallHttp, "api-key");
        WazzupV3BaselineClient.Authorize(_largeHttp, "api-key");
        _smallFacade = Own(CreateFacade(small));
        _largeFacade = Own(CreateFacade(large));
    }

    /// <summary>Disposes the clients and servers.</summary>
    [GlobalCleanup]
    public void Cleanup() => _owned.ForEach(owned => owned.Dispose());

    /// <summary>A hand-written paging loop: HttpClient + System.Text.Json source generation.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Small), BenchmarkCategory(SmallCategory)]
    public Task<int> Baseline10K() => ListBaselineAsync(_smallHttp, Small);

    /// <summary>The generated client's ListContactsAsync, page by page.</summary>
    [Benchmark(OperationsPerInvoke = Small), BenchmarkCategory(SmallCategory)]
    public Task<int> Generated10K() => ListGeneratedAsync(_smallHttp, Small);

    /// <summary>The facade's ListAsync, enumerated to the end.</summary>
    [Benchmark(OperationsPerInvoke = Small), BenchmarkCategory(SmallCategory)]
    public Task<int> Facade10K() => ListFacadeAsync(_smallFacade, Small);

    /// <summary>A hand-written paging loop: HttpClient + System.Text.Json source generation.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Large), BenchmarkCategory(LargeCategory)]
    public Task<int> Baseline100K() => ListBaselineAsync(_largeHttp, Large);

    /// <summary>The generated client's ListContactsAsync, page by page.</summary>
    [Benchmark(OperationsPerInvoke = Large), BenchmarkCategory(LargeCategory)]
    public Task<int> Generated100K() => ListGeneratedAsync(_largeHttp, Large);

    /// <summary>The facade's ListAsync, enumerated to the end.</summary>
    [Benchmark(OperationsPerInvoke = Large), BenchmarkCategory(LargeCategory)]
    public Task<int> Facade100K() => ListFacadeAsync(_largeFacade, Large);

    /// <summary>A facade over <paramref name="server"/> with the default options.</summary>
    internal static ContactsClient CreateFacade(HttpMessageHandler server) => new(new WazzupV3ContactsOptions { ApiKey = "api-key" }, server);

    /// <summary>Lists every contact through <paramref name="facade"/>; throws unless exactly <paramref name="expected"/> came.</summary>
    internal static async Task<int> ListFacadeAsync(ContactsClient facade, int expected)
    {
        var count = 0;
        await foreach (var contact in facade.ListAsync())
        {
            count++;
        }

        return Expect(count, expected);
    }

    private static async Task<int> ListBaselineAsync(HttpClient http, int expected)
    {
        var client = new WazzupV3BaselineClient(http, "https://api.wazzup24.com/");
        var count = 0;
        for (var offset = 0; ; )
        {
            var page = await client.ListContactsAsync(offset);
            foreach (var contact in page.Data)
            {
                count++;
            }

            offset += page.Data.Count;
            if (page.Data.Count == 0 || offset >= page.Count)
            {
                return Expect(count, expected);
            }
        }
    }

    private static async Task<int> ListGeneratedAsync(HttpClient http, int expected)
    {
        var client = new WazzupV3Client(http);
        var count = 0;
        for (var offset = 0; ; )
        {
            var page = await client.ListContactsAsync(offset);
            foreach (var contact in page.Data)
            {
                count++;
            }

            offset += page.Data.Count;
            if (page.Data.Count == 0 || offset >= page.Count)
            {
                return Expect(count, expected);
            }
        }
    }

    private static int Expect(int count, int expected) =>
        count == expected ? count : throw new InvalidOperationException($"Listed {count} contacts, expected {expected}.");

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
