using ContactsSpec.Conformance.Stubs;

namespace ContactsSpec.Conformance.Tests;

/// <summary>A facade's transport that tags every request with one case id, so that only that case's stubs answer it.</summary>
internal sealed class CaseTaggingHandler(string tag) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add(ConformanceHeaders.CaseId, tag);
        return base.SendAsync(request, cancellationToken);
    }
}
