using System.Net;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ContactsSpec.Benchmarks.Baseline;
using ContactsSpec.Benchmarks.Infrastructure;
using ContactsSpec.Clients.WazzupV3;
using ContactsSpec.Clients.WazzupV3.Kiota;
using Microsoft.Kiota.Abstractions.Serialization;
using GeneratedContact = ContactsSpec.Clients.WazzupV3.Contact;
using KiotaContact = ContactsSpec.Clients.WazzupV3.Kiota.Models.Contact;

namespace ContactsSpec.Benchmarks.PerCall;

/// <summary>
/// Wazzup API v3 <c>upsertContacts</c> (the spec's two-contact request example, answered 200 without a body),
/// <c>listContacts</c> and <c>getContact</c> (the spec's <c>contacts</c> and <c>contact</c> examples).
/// </summary>
[PerCallJob]
[PerCallCpuJob]
[MemoryDiagnoser]
[MedianRatioColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class WazzupV3PerCallBenchmarks
{
    private const string Upsert = "wazzup-v3 upsertContacts (2)";
    private const string List = "wazzup-v3 listContacts";
    private const string Get = "wazzup-v3 getContact";
    private const string ApiKey = "api-key";

    private readonly List<IDisposable> _owned = [];
    private string _contactId = "";
    private List<WazzupV3ContactDto> _baselineContacts = null!;
    private List<GeneratedContact> _generatedContacts = null!;
    private List<KiotaContact> _kiotaContacts = null!;
    private List<Contact> _contacts = null!;
    private WazzupV3BaselineClient _baselineUpsert = null!;
    private WazzupV3BaselineClient _baselineList = null!;
    private WazzupV3BaselineClient _baselineGet = null!;
    private WazzupV3Client _generatedUpsert = null!;
    private WazzupV3Client _generatedList = null!;
    private WazzupV3Client _generatedGet = null!;
    private WazzupV3KiotaClient _kiotaUpsert = null!;
    private WazzupV3KiotaClient _kiotaList = null!;
    private WazzupV3KiotaClient _kiotaGet = null!;
    private ContactsClient _facadeUpsert = null!;
    private ContactsClient _facadeList = null!;
    private ContactsClient _facadeGet = null!;

    /// <summary>Reads the examples and builds the four implementations over one in-memory handler per operation.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var spec = DocumentedExamples.Load("wazzup-v3");
        _contactId = spec.Parameter("getContact", "contactId");
        var body = spec.RequestBody("upsertContacts");
        _baselineContacts = JsonSerializer.Deserialize(body, BaselineJsonContext.Default.ListWazzupV3ContactDto)!;
        _generatedContacts = JsonSerializer.Deserialize<List<GeneratedContact>>(body)!;
        _contacts = [.. _baselineContacts.Select(ToFacade)];
        if (!spec.DocumentsEmptyResponse("upsertContacts", "200"))
        {
            throw new InvalidOperationException("wazzup-v3/upsertContacts no longer documents an empty 200; update this benchmark.");
        }

        var upsertHandler = Own(new CannedResponseHandler(HttpStatusCode.OK, body: null));
        var listHandler = Own(new CannedResponseHandler(HttpStatusCode.OK, spec.ResponseBody("listContacts", "200", "contacts")));
        var getHandler = Own(new CannedResponseHandler(HttpStatusCode.OK, spec.ResponseBody("getContact", "200", "contact")));
        var upsertHttp = Own(new HttpClient(upsertHandler, disposeHandler: false));
        var listHttp = Own(new HttpClient(listHandler, disposeHandler: false));
        var getHttp = Own(new HttpClient(getHandler, disposeHandler: false));
        const string BaseUrl = "https://api.wazzup24.com/";
        foreach (var http in new[] { upsertHttp, listHttp, getHttp })
        {
            WazzupV3BaselineClient.Authorize(http, ApiKey);
        }

        _baselineUpsert = new WazzupV3BaselineClient(upsertHttp, BaseUrl);
        _baselineList = new WazzupV3BaselineClient(listHttp, BaseUrl);
        _baselineGet = new WazzupV3BaselineClient(getHttp, BaseUrl);
        _generatedUpsert = new WazzupV3Client(upsertHttp);
        _generatedList = new WazzupV3Client(listHttp);
        _generatedGet = new WazzupV3Client(getHttp);
        _kiotaUpsert = new WazzupV3KiotaClient(KiotaAdapter.Over(upsertHttp, BaseUrl));
        _kiotaList = new WazzupV3KiotaClient(KiotaAdapter.Over(listHttp, BaseUrl));
        _kiotaGet = new WazzupV3KiotaClient(KiotaAdapter.Over(getHttp, BaseUrl));
        // Read with Kiota's own parser, which the clients above registered.
        _kiotaContacts = [.. KiotaJsonSerializer.DeserializeCollectionAsync(body, KiotaContact.CreateFromDiscriminatorValue).GetAwaiter().GetResult()];
        _facadeUpsert = Own(new ContactsClient(new WazzupV3ContactsOptions { ApiKey = ApiKey }, upsertHandler));
        _facadeList = Own(new ContactsClient(new WazzupV3ContactsOptions { ApiKey = ApiKey }, listHandler));
        _facadeGet = Own(new ContactsClient(new WazzupV3ContactsOptions { ApiKey = ApiKey }, getHandler));
        WarmUp.Run(UpsertBaseline, UpsertGenerated, UpsertKiota, UpsertFacade, ListBaseline, ListGenerated, ListKiota, ListFacade, GetBaseline, GetGenerated, GetKiota, GetFacade);
    }

    /// <summary>Disposes the clients and handlers.</summary>
    [GlobalCleanup]
    public void Cleanup() => _owned.ForEach(owned => owned.Dispose());

    /// <summary>(a) HttpClient + System.Text.Json source generation.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Upsert)]
    public Task UpsertBaseline() => _baselineUpsert.UpsertContactsAsync(_baselineContacts);

    /// <summary>(b) The generated <see cref="WazzupV3Client"/>.</summary>
    [Benchmark, BenchmarkCategory(Upsert)]
    public Task UpsertGenerated() => _generatedUpsert.UpsertContactsAsync(_generatedContacts);

    /// <summary>(d) The Kiota <see cref="WazzupV3KiotaClient"/>.</summary>
    [Benchmark, BenchmarkCategory(Upsert)]
    public Task UpsertKiota() => _kiotaUpsert.V3.Contacts.PostAsync(_kiotaContacts);

    /// <summary>(c) The facade's UpsertManyAsync (validation, one chunk, one result per item).</summary>
    [Benchmark, BenchmarkCategory(Upsert)]
    public Task<ContactBatchResult> UpsertFacade() => _facadeUpsert.UpsertManyAsync(_contacts);

    /// <summary>(a) HttpClient + System.Text.Json source generation.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(List)]
    public async Task<int> ListBaseline() => (await _baselineList.ListContactsAsync(0)).Data.Count;

    /// <summary>(b) The generated <see cref="WazzupV3Client"/>.</summary>
    [Benchmark, BenchmarkCategory(List)]
    public async Task<int> ListGenerated() => (await _generatedList.ListContactsAsync(0)).Data.Count;

    /// <summary>(d) The Kiota <see cref="WazzupV3KiotaClient"/>.</summary>
    [Benchmark, BenchmarkCategory(List)]
    public async Task<int> ListKiota() => (await _kiotaList.V3.Contacts.GetAsync(request => request.QueryParameters.Offset = 0))!.Data!.Count;

    /// <summary>(c) The facade's ListAsync, enumerated to the end (one page: count says 2).</summary>
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
    public async Task<string> GetBaseline() => (await _baselineGet.GetContactAsync(_contactId)).Name;

    /// <summary>(b) The generated <see cref="WazzupV3Client"/>.</summary>
    [Benchmark, BenchmarkCategory(Get)]
    public async Task<string> GetGenerated() => (await _generatedGet.GetContactAsync(_contactId)).Name;

    /// <summary>(d) The Kiota <see cref="WazzupV3KiotaClient"/>.</summary>
    [Benchmark, BenchmarkCategory(Get)]
    public async Task<string> GetKiota() => (await _kiotaGet.V3.Contacts[_contactId].GetAsync())!.Name!;

    /// <summary>(c) The facade's GetAsync.</summary>
    [Benchmark, BenchmarkCategory(Get)]
    public Task<Contact> GetFacade() => _facadeGet.GetAsync(_contactId);

    internal static Contact ToFacade(WazzupV3ContactDto contact) => new()
    {
        Id = contact.Id,
        ResponsibleUserId = contact.ResponsibleUserId,
        Name = contact.Name,
        Web = contact.Uri,
        Channels = [.. contact.ContactData.Select(data => new ContactChannel
        {
            ChatType = new ChatType(data.ChatType),
            ChatId = data.ChatId,
            Username = data.Username,
            Phone = data.Phone,
        })],
    };

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
