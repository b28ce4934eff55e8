using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ContactsSpec.Benchmarks.Baseline;
using ContactsSpec.Benchmarks.Infrastructure;
using ContactsSpec.Clients.Wamm;
using ContactsSpec.Clients.Wamm.Kiota;
using Microsoft.Kiota.Abstractions.Serialization;

namespace ContactsSpec.Benchmarks.PerCall;

/// <summary>
/// WAMM.chat <c>contactTo</c> and <c>contactGet</c>, answered in memory with the spec's <c>insert</c> and
/// <c>found</c> examples: hand-written baseline, NSwag client, Kiota client and facade, each sending the spec's
/// request examples and checking <c>err</c> as a caller must.
/// </summary>
[PerCallJob]
[PerCallCpuJob]
[MemoryDiagnoser]
[MedianRatioColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class WammPerCallBenchmarks
{
    private const string ContactTo = "wamm contactTo";
    private const string ContactGet = "wamm contactGet";

    private readonly List<IDisposable> _owned = [];
    private string _token = "";
    private string _phone = "";
    private string _name = "";
    private string _info = "";
    private string _email = "";
    private string _web = "";
    private WammBaselineClient _baselineTo = null!;
    private WammBaselineClient _baselineGet = null!;
    private WammClient _generatedTo = null!;
    private WammClient _generatedGet = null!;
    private WammKiotaClient _kiotaTo = null!;
    private WammKiotaClient _kiotaGet = null!;
    private ContactsClient _facadeTo = null!;
    private ContactsClient _facadeGet = null!;
    private Contact _contact = null!;

    /// <summary>Reads the examples and builds the four implementations over one in-memory handler per operation.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var spec = DocumentedExamples.Load("wamm");
        _token = spec.Parameter("contactTo", "token");
        _phone = spec.Parameter("contactTo", "phone");
        _name = spec.Parameter("contactTo", "name");
        _info = spec.Parameter("contactTo", "info");
        _email = spec.Parameter("contactTo", "email");
        _web = spec.Parameter("contactTo", "web");
        _contact = new Contact { Phone = _phone, Name = _name, Notes = _info, Email = _email, Web = _web };

        var toHandler = Own(new CannedResponseHandler(HttpStatusCode.OK, spec.ResponseBody("contactTo", "200", "insert")));
        var getHandler = Own(new CannedResponseHandler(HttpStatusCode.OK, spec.ResponseBody("contactGet", "200", "found")));
        var toHttp = Own(new HttpClient(toHandler, disposeHandler: false));
        var getHttp = Own(new HttpClient(getHandler, disposeHandler: false));
        const string BaseUrl = "https://wamm.chat/";
        _baselineTo = new WammBaselineClient(toHttp, BaseUrl);
        _baselineGet = new WammBaselineClient(getHttp, BaseUrl);
        _generatedTo = new WammClient(toHttp) { Token = _token };
        _generatedGet = new WammClient(getHttp) { Token = _token };
        _kiotaTo = new WammKiotaClient(KiotaAdapter.Over(toHttp, BaseUrl));
        _kiotaGet = new WammKiotaClient(KiotaAdapter.Over(getHttp, BaseUrl));
        _facadeTo = Own(new ContactsClient(new WammContactsOptions { Token = _token }, toHandler));
        _facadeGet = Own(new ContactsClient(new WammContactsOptions { Token = _token }, getHandler));
        WarmUp.Run(ContactToBaseline, ContactToGenerated, ContactToKiota, ContactToFacade, ContactGetBaseline, ContactGetGenerated, ContactGetKiota, ContactGetFacade);
    }

    /// <summary>Disposes the clients and handlers.</summary>
    [GlobalCleanup]
    public void Cleanup() => _owned.ForEach(owned => owned.Dispose());

    /// <summary>(a) HttpClient + System.Text.Json source generation.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(ContactTo)]
    public async Task<string?> ContactToBaseline()
    {
        var result = await _baselineTo.ContactToAsync(_token, _phone, _name, _info, _email, _web);
        return WammBaselineClient.Succeeded(result.Err) ? result.Result : throw new InvalidOperationException("err");
    }

    /// <summary>(b) The generated <see cref="WammClient"/>.</summary>
    [Benchmark, BenchmarkCategory(ContactTo)]
    public async Task<string?> ContactToGenerated()
    {
        var result = await _generatedTo.ContactToAsync(_phone, _name, _info, _email, _web);
        return result.Err is System.Text.Json.JsonElement err && WammBaselineClient.Succeeded(err) ? result.Result : throw new InvalidOperationException("err");
    }

    /// <summary>(d) The Kiota <see cref="WammKiotaClient"/>: <c>err</c> arrives as an untyped node.</summary>
    [Benchmark, BenchmarkCategory(ContactTo)]
    public async Task<string?> ContactToKiota()
    {
        var result = await _kiotaTo.Api2.Contact_to[_token].EmptyPathSegment.GetAsync(request =>
        {
            request.QueryParameters.Phone = _phone;
            request.QueryParameters.Name = _name;
            request.QueryParameters.Info = _info;
            request.QueryParameters.Email = _email;
            request.QueryParameters.Web = _web;
        });
        return Succeeded(result?.Err) ? result!.Result : throw new InvalidOperationException("err");
    }

    /// <summary>(c) The facade's UpsertAsync.</summary>
    [Benchmark, BenchmarkCategory(ContactTo)]
    public Task<ContactWriteResult> ContactToFacade() => _facadeTo.UpsertAsync(_contact);

    /// <summary>(a) HttpClient + System.Text.Json source generation.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(ContactGet)]
    public async Task<string?> ContactGetBaseline()
    {
        var result = await _baselineGet.ContactGetAsync(_token, _phone);
        return WammBaselineClient.Succeeded(result.Err) ? result.Data?.Name : throw new InvalidOperationException("err");
    }

    /// <summary>(b) The generated <see cref="WammClient"/>.</summary>
    [Benchmark, BenchmarkCategory(ContactGet)]
    public async Task<string?> ContactGetGenerated()
    {
        var result = await _generatedGet.ContactGetAsync(_phone);
        return result.Err is System.Text.Json.JsonElement err && WammBaselineClient.Succeeded(err) ? result.Data?.Name : throw new InvalidOperationException("err");
    }

    /// <summary>(d) The Kiota <see cref="WammKiotaClient"/>.</summary>
    [Benchmark, BenchmarkCategory(ContactGet)]
    public async Task<string?> ContactGetKiota()
    {
        var result = await _kiotaGet.Api2.Contact_get[_token][_phone].GetAsync();
        return Succeeded(result?.Err) ? result!.Data?.Name : throw new InvalidOperationException("err");
    }

    /// <summary>(c) The facade's GetAsync.</summary>
    [Benchmark, BenchmarkCategory(ContactGet)]
    public Task<Contact> ContactGetFacade() => _facadeGet.GetAsync(_phone);

    private static bool Succeeded(UntypedNode? err) => err is UntypedInteger code && code.GetValue() == 0;

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
