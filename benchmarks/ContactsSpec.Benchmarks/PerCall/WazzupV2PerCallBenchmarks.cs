using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ContactsSpec.Benchmarks.Baseline;
using ContactsSpec.Benchmarks.Infrastructure;
using ContactsSpec.Clients.WazzupV2;
using ContactsSpec.Clients.WazzupV2.Kiota;

namespace ContactsSpec.Benchmarks.PerCall;

/// <summary>
/// Wazzup partner API v2 <c>listContacts</c> and <c>getContact</c>, answered in memory with the spec's
/// <c>contacts</c> and <c>contact</c> examples. The bearer token is set once on the shared HttpClient for (a), (b)
/// and (d); the facade adds it in its own pipeline.
/// </summary>
[PerCallJob]
[PerCallCpuJob]
[MemoryDiagnoser]
[MedianRatioColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class WazzupV2PerCallBenchmarks
{
    private const string List = "wazzup-v2 listContacts";
    private const string Get = "wazzup-v2 getContact";
    private const string Token = "client-access-token";

    // The facade reads pages of 100 from offset 0 (the spec's examples); the other two send the same request.
    private const int Offset = 0;
    private const int Limit = 100;

    private readonly List<IDisposable> _owned = [];
    private string _contactId = "";
    private WazzupV2BaselineClient _baselineList = null!;
    private WazzupV2BaselineClient _baselineGet = null!;
    private WazzupV2Client _generatedList = null!;
    private WazzupV2Client _generatedGet = null!;
    private WazzupV2KiotaClient _kiotaList = null!;
    private WazzupV2KiotaClient _kiotaGet = null!;
    private ContactsClient _facadeList = null!;
    private ContactsClient _facadeGet = null!;

    /// <summary>Reads the examples and builds the four implementations over one in-memory handler per operation.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var spec = DocumentedExamples.Load("wazzup-v2");
        _contactId = spec.Parameter("getContact", "contact_id");
        var listHandler = Own(new CannedResponseHandler(HttpStatusCode.OK, spec.ResponseBody("listContacts", "200", "contacts")));
        var getHandler = Own(new CannedResponseHandler(HttpStatusCode.OK, spec.ResponseBody("getContact", "200", "contact")));
        var listHttp = Own(new HttpClient(listHandler, disposeHandler: false));
        var getHttp = Own(new HttpClient(getHandler, disposeHandler: false));
        WazzupV3BaselineClient.Authorize(listHttp, Token);
        WazzupV3BaselineClient.Authorize(getHttp, Token);
        const string BaseUrl = "https://tech.wazzup24.com/";
        _baselineList = new WazzupV2BaselineClient(listHttp, BaseUrl);
        _baselineGet = new WazzupV2BaselineClient(getHttp, BaseUrl);
        _generatedList = new WazzupV2Client(listHttp);
        _generatedGet = new WazzupV2Client(getHttp);
        _kiotaList = new WazzupV2KiotaClient(KiotaAdapter.Over(listHttp, BaseUrl));
        _kiotaGet = new WazzupV2KiotaClient(KiotaAdapter.Over(getHttp, BaseUrl));
        _facadeList = Own(new ContactsClient(new WazzupV2ContactsOptions { ClientAccessToken = Token }, listHandler));
        _facadeGet = Own(new ContactsClient(new WazzupV2ContactsOptions { ClientAccessToken = Token }, getHandler));
        WarmUp.Run(ListBaseline, ListGenerated, ListKiota, ListFacade, GetBaseline, GetGenerated, GetKiota, GetFacade);
    }

    /// <summary>Disposes the clients and handlers.</summary>
    [GlobalCleanup]
    public void Cleanup() => _owned.ForEach(owned => owned.Dispose());

    /// <summary>(a) HttpClient + System.Text.Json source generation.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(List)]
    public async Task<int> ListBaseline() => (await _baselineList.ListContactsAsync(Offset, Limit)).Data!.Count;

    /// <summary>(b) The generated <see cref="WazzupV2Client"/>.</summary>
    [Benchmark, BenchmarkCategory(List)]
    public async Task<int> ListGenerated() => (await _generatedList.ListContactsAsync(Offset, Limit)).Data!.Count;

    /// <summary>(d) The Kiota <see cref="WazzupV2KiotaClient"/>.</summary>
    [Benchmark, BenchmarkCategory(List)]
    public async Task<int> ListKiota() => (await _kiotaList.V2.Contacts.GetAsync(request =>
    {
        request.QueryParameters.Offset = Offset;
        request.QueryParameters.Limit = Limit;
    }))!.Data!.Count;

    /// <summary>(c) The facade's ListAsync, enumerated to the end (one page).</summary>
    [Benchmark, BenchmarkCategory(List)]
    public async Task<int> ListFacade()
    {
        var count = 0;
        await foreach (var contact in _facadeList.ListAsync())
        {
            count++;
        }

        return count;
    }

    /// <summary>(a) HttpClient + System.Text.Json source generation.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Get)]
    public async Task<string> GetBaseline() => (await _baselineGet.GetContactAsync(_contactId)).Data![0].Name;

    /// <summary>(b) The generated <see cref="WazzupV2Client"/>.</summary>
    [Benchmark, BenchmarkCategory(Get)]
    public async Task<string> GetGenerated() => (await _generatedGet.GetContactAsync(_contactId)).Data!.First().Name;

    /// <summary>(d) The Kiota <see cref="WazzupV2KiotaClient"/>.</summary>
    [Benchmark, BenchmarkCategory(Get)]
    public async Task<string> GetKiota() => (await _kiotaGet.V2.Contacts[_contactId].GetAsync())!.Data![0].Name!;

    /// <summary>(c) The facade's GetAsync.</summary>
    [Benchmark, BenchmarkCategory(Get)]
    public Task<Contact> GetFacade() => _facadeGet.GetAsync(_contactId);

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
