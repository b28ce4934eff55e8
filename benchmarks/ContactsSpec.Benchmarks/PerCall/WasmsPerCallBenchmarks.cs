using System.Globalization;
using System.Net;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ContactsSpec.Benchmarks.Baseline;
using ContactsSpec.Benchmarks.Infrastructure;
using ContactsSpec.Clients.Wasms;
using ContactsSpec.Clients.Wasms.Kiota;
using Microsoft.Kiota.Abstractions.Serialization;
using KiotaContactForm = ContactsSpec.Clients.Wasms.Kiota.Models.WasmsCreateContactForm;

namespace ContactsSpec.Benchmarks.PerCall;

/// <summary>
/// WaSMS.Net <c>createContact</c> (URL-encoded form) and <c>getContacts</c>, answered in memory with the spec's
/// <c>created</c> and <c>saved-contacts</c> examples. WaSMS's <c>data</c> is untyped in the spec, so every
/// implementation reads the envelope and then the items into typed contacts, as a caller must.
/// </summary>
[PerCallJob]
[PerCallCpuJob]
[MemoryDiagnoser]
[MedianRatioColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class WasmsPerCallBenchmarks
{
    private const string Create = "wasms createContact";
    private const string List = "wasms getContacts";

    // The facade reads pages of 100 from page 1; the other two send the same request.
    private const int Limit = 100;
    private const int Page = 1;

    private readonly List<IDisposable> _owned = [];
    private string _secret = "";
    private string _phone = "";
    private string _name = "";
    private string _groups = "";
    private Contact _contact = null!;
    private WasmsBaselineClient _baselineCreate = null!;
    private WasmsBaselineClient _baselineList = null!;
    private WasmsClient _generatedCreate = null!;
    private WasmsClient _generatedList = null!;
    private WasmsKiotaClient _kiotaCreate = null!;
    private WasmsKiotaClient _kiotaList = null!;
    private KiotaContactForm _kiotaForm = null!;
    private ContactsClient _facadeCreate = null!;
    private ContactsClient _facadeList = null!;

    /// <summary>Reads the examples and builds the four implementations over one in-memory handler per operation.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var spec = DocumentedExamples.Load("wasms");
        using (var form = JsonDocument.Parse(spec.RequestBody("createContact")))
        {
            _secret = form.RootElement.GetProperty("secret").GetString()!;
            _phone = form.RootElement.GetProperty("phone").GetString()!;
            _name = form.RootElement.GetProperty("name").GetString()!;
            _groups = form.RootElement.GetProperty("groups").GetString()!;
        }

        _contact = new Contact { Phone = _phone, Name = _name, Groups = _groups.Split(',') };
        var createHandler = Own(new CannedResponseHandler(HttpStatusCode.OK, spec.ResponseBody("createContact", "200", "created")));
        var listHandler = Own(new CannedResponseHandler(HttpStatusCode.OK, spec.ResponseBody("getContacts", "200", "saved-contacts")));
        var createHttp = Own(new HttpClient(createHandler, disposeHandler: false));
        var listHttp = Own(new HttpClient(listHandler, disposeHandler: false));
        const string BaseUrl = "https://sys.wasms.net/api/";
        _baselineCreate = new WasmsBaselineClient(createHttp, BaseUrl);
        _baselineList = new WasmsBaselineClient(listHttp, BaseUrl);
        _generatedCreate = new WasmsClient(createHttp) { Secret = _secret };
        _generatedList = new WasmsClient(listHttp) { Secret = _secret };
        _kiotaCreate = new WasmsKiotaClient(KiotaAdapter.Over(createHttp, BaseUrl));
        _kiotaList = new WasmsKiotaClient(KiotaAdapter.Over(listHttp, BaseUrl));
        _kiotaForm = new KiotaContactForm { Secret = _secret, Phone = _phone, Name = _name, Groups = _groups };
        _facadeCreate = Own(new ContactsClient(new WasmsContactsOptions { Secret = _secret }, createHandler));
        _facadeList = Own(new ContactsClient(new WasmsContactsOptions { Secret = _secret }, listHandler));
        WarmUp.Run(CreateBaseline, CreateGenerated, CreateKiota, CreateFacade, ListBaseline, ListGenerated, ListKiota, ListFacade);
    }

    /// <summary>Disposes the clients and handlers.</summary>
    [GlobalCleanup]
    public void Cleanup() => _owned.ForEach(owned => owned.Dispose());

    /// <summary>(a) HttpClient + System.Text.Json source generation.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Create)]
    public async Task<int> CreateBaseline() => Succeeded((await _baselineCreate.CreateContactAsync(_secret, _phone, _name, _groups)).Status);

    /// <summary>(b) The generated <see cref="WasmsClient"/>.</summary>
    [Benchmark, BenchmarkCategory(Create)]
    public async Task<int> CreateGenerated() => Succeeded((int)(await _generatedCreate.CreateContactAsync(_phone, _name, _groups)).Status);

    /// <summary>(d) The Kiota <see cref="WasmsKiotaClient"/>, its form a typed model.</summary>
    [Benchmark, BenchmarkCategory(Create)]
    public async Task<int> CreateKiota() => Succeeded((await _kiotaCreate.Create.Contact.PostAsync(_kiotaForm))?.Status ?? 0);

    /// <summary>(c) The facade's UpsertAsync (WaSMS creates).</summary>
    [Benchmark, BenchmarkCategory(Create)]
    public Task<ContactWriteResult> CreateFacade() => _facadeCreate.UpsertAsync(_contact);

    /// <summary>(a) HttpClient + System.Text.Json source generation.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(List)]
    public async Task<int> ListBaseline()
    {
        var response = await _baselineList.GetContactsAsync(_secret, Limit, Page);
        Succeeded(response.Status);
        return WasmsBaselineClient.Contacts(response).Count;
    }

    /// <summary>(b) The generated <see cref="WasmsClient"/>, then its <see cref="WasmsContact"/> read from <c>data</c>.</summary>
    [Benchmark, BenchmarkCategory(List)]
    public async Task<int> ListGenerated()
    {
        var response = await _generatedList.GetContactsAsync(Limit, Page);
        Succeeded((int)response.Status);
        return response.Data is JsonElement { ValueKind: JsonValueKind.Array } data ? data.Deserialize<List<WasmsContact>>()!.Count : 0;
    }

    /// <summary>
    /// (d) The Kiota <see cref="WasmsKiotaClient"/>. Kiota generates no model for an untyped <c>data</c> (the spec
    /// references WasmsContact nowhere), so its items are read from the untyped nodes: each one's name.
    /// </summary>
    [Benchmark, BenchmarkCategory(List)]
    public async Task<int> ListKiota()
    {
        var response = await _kiotaList.GetPath.Contacts.GetAsync(request =>
        {
            request.QueryParameters.Secret = _secret;
            request.QueryParameters.Limit = Limit;
            request.QueryParameters.Page = Page;
        });
        Succeeded(response?.Status ?? 0);
        return response?.Data is UntypedArray items
            ? items.GetValue().OfType<UntypedObject>().Count(item => item.GetValue().TryGetValue("name", out var name) && name is UntypedString)
            : 0;
    }

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

    private static int Succeeded(int status) =>
        status == 200 ? status : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"WaSMS status {status}"));

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
