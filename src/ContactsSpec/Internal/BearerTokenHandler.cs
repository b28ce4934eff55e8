using System.Net.Http.Headers;

namespace ContactsSpec.Internal;

/// <summary>Adds the provider's bearer token; the generated clients leave authentication to the HTTP pipeline.</summary>
internal sealed class BearerTokenHandler(string token) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}
