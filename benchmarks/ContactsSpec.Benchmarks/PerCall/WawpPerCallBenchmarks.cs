using System.Net;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ContactsSpec.Benchmarks.Baseline;
using ContactsSpec.Benchmarks.Infrastructure;
using ContactsSpec.Clients.Wawp;
using ContactsSpec.Clients.Wawp.Kiota;
using KiotaContactName = ContactsSpec.Clients.Wawp.Kiota.Models.ContactName;

namespace ContactsSpec.Benchmarks.PerCall;

/// <summary>Wawp <c>upsertContact</c>, answered in memory with the spec's <c>updated</c> example.</summary>
[PerCallJob]
[PerCallCpuJob]
[MemoryDiagnoser]
[MedianRatioColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class WawpPerCallBenchmarks
{
    private const string Upsert = "wawp upsertContact";

    private readonly List<IDisposable> _owned = [];
    private string _chatId = "";
    private string _instanceId = "";
    private string _accessToken = "";
    private WawpContactNameDto _baselineBody = null!;
    private ContactName _generatedBody = null!;
    private KiotaContactName _kiotaBody = null!;
    private Contact _contact = null!;
    private WawpBaselineClient _baseline = null!;
    private WawpClient _generated = null!;
    private WawpKiotaClient _kiota = null!;
    private ContactsClient _facade = null!;

    /// <summary>Reads the examples and builds the four implementations over one in-memory handler.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var spec = DocumentedExamples.Load("wawp");
        _chatId = spec.Parameter("upsertContact", "chatId");
        _instanceId = spec.Parameter("upsertContact", "instance_id");
        _accessToken = spec.Parameter("upsertContact", "access_token");
        var body = spec.RequestBody("upsertContact");
        _baselineBody = JsonSerializer.Deserialize(body, BaselineJsonContext.Default.WawpContactNameDto)!;
        _generatedBody = new ContactName { FirstName = _baselineBody.FirstName, LastName = _baselineBody.LastName };
        _kiotaBody = new KiotaContactName { FirstName = _baselineBody.FirstName, LastName = _baselineBody.LastName };
        _contact = new Contact { Id = _chatId, FirstName = _baselineBody.FirstName, LastName = _baselineBody.LastName };

        var handler = Own(new CannedResponseHandler(HttpStatusCode.OK, spec.ResponseBody("upsertContact", "200", "updated")));
        var http = Own(new HttpClient(handler, disposeHandler: false));
        _baseline = new WawpBaselineClient(http, "https://api.wawp.net/");
        _generated = new WawpClient(http) { InstanceId = _instanceId, AccessToken = _accessToken };
        _kiota = new WawpKiotaClient(KiotaAdapter.Over(http, "https://api.wawp.net/"));
        _facade = Own(new ContactsClient(new WawpContactsOptions { InstanceId = _instanceId, AccessToken = _accessToken }, handler));
        WarmUp.Run(UpsertBaseline, UpsertGenerated, UpsertKiota, UpsertFacade);
    }

    /// <summary>Disposes the clients and handlers.</summary>
    [GlobalCleanup]
    public void Cleanup() => _owned.ForEach(owned => owned.Dispose());

    /// <summary>(a) HttpClient + System.Text.Json source generation.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Upsert)]
    public async Task<bool> UpsertBaseline() => (await _baseline.UpsertContactAsync(_chatId, _instanceId, _accessToken, _baselineBody)).Ok;

    /// <summary>(b) The generated <see cref="WawpClient"/>.</summary>
    [Benchmark, BenchmarkCategory(Upsert)]
    public async Task<bool> UpsertGenerated() => (await _generated.UpsertContactAsync(_chatId, _generatedBody)).Ok;

    /// <summary>(d) The Kiota <see cref="WawpKiotaClient"/>.</summary>
    [Benchmark, BenchmarkCategory(Upsert)]
    public async Task<bool> UpsertKiota() => (await _kiota.V2.Contacts[_chatId].PutAsync(_kiotaBody, request =>
    {
        request.QueryParameters.InstanceId = _instanceId;
        request.QueryParameters.AccessToken = _accessToken;
    }))?.Ok ?? false;

    /// <summary>(c) The facade's UpsertAsync.</summary>
    [Benchmark, BenchmarkCategory(Upsert)]
    public Task<ContactWriteResult> UpsertFacade() => _facade.UpsertAsync(_contact);

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
