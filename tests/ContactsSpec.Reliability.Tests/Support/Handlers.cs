using System.Collections.Concurrent;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Conformance.Stubs;

namespace ContactsSpec.Reliability.Tests.Support;

/// <summary>Tags every request with the case it belongs to, so that cases share one WireMock server (and the faulting listener) in parallel.</summary>
internal sealed class CaseTaggingHandler(string caseId) : DelegatingHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
{
    public string CaseId => caseId;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add(ConformanceHeaders.CaseId, caseId);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>An in-memory provider: records each request and answers with what the responder makes of it.</summary>
internal sealed class RecordingHandler(Func<RecordedRequest, HttpResponseMessage> respond) : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public void Clear() => _requests.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.SelectMany(header => header.Value.Select(value => KeyValuePair.Create(header.Key, value))).ToList();
        byte[] body = [];
        if (request.Content is { } content)
        {
            headers.AddRange(content.Headers.SelectMany(header => header.Value.Select(value => KeyValuePair.Create(header.Key, value))));
            body = await content.ReadAsByteArrayAsync(cancellationToken);
        }

        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!.PathAndQuery, headers, body);
        _requests.Enqueue(recorded);
        var response = respond(recorded);
        response.RequestMessage = request;
        return response;
    }
}
