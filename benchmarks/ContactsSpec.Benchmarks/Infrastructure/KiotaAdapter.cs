using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace ContactsSpec.Benchmarks.Infrastructure;

/// <summary>
/// The request adapter a Kiota client runs on, over the benchmark's HttpClient: the same handler and default headers
/// as the baseline and the NSwag client, and none of Kiota's default middleware (retry, redirect), which a plain
/// HttpClient does not have either.
/// </summary>
public static class KiotaAdapter
{
    /// <summary>An adapter calling <paramref name="baseUrl"/> through <paramref name="http"/>.</summary>
    public static IRequestAdapter Over(HttpClient http, string baseUrl) =>
        new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseUrl.TrimEnd('/') };
}
