using System.Net.Http.Headers;
using ContactsSpec.Conformance.Stubs;

namespace ContactsSpec.Conformance.Running;

/// <summary>
/// Tags each request with its case id, adds the spec's example bearer token where the spec declares one (the
/// generated clients leave authentication to the HttpClient, as a user's would), and notes whether WireMock
/// answered from a stub.
/// </summary>
internal sealed class ConformanceCaseHandler : DelegatingHandler
{
    public ConformanceCaseHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ConformanceCaseContext.Current;
        if (context is not null)
        {
            request.Headers.Add(ConformanceHeaders.CaseId, context.CaseId);
            if (context.BearerToken is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.BearerToken);
            }
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (context is not null)
        {
            context.ResponseCount++;
            context.AllMatched &= response.Headers.Contains(ConformanceHeaders.MatchedStub);
        }

        return response;
    }
}
