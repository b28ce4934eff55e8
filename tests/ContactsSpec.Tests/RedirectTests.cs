using System.Net;
using ContactsSpec.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>
/// A provider (or anything between it and us) answering with a redirect must not make the facade send the request,
/// credentials included, to another host: the 3xx is a typed, non-retryable error naming the status and the target
/// host, on the constructor's pipeline and on the one from dependency injection.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RedirectTests
{
    private static readonly IPAddress OtherHost = IPAddress.Parse("127.0.0.2");
    private const string ApiKey = "redirect-test-api-key-5f1c";

    public static IEnumerable<TestCaseData> Cases() =>
        from status in new[] { 301, 302, 303, 307, 308 }
        from pipeline in new[] { "constructor", "dependency injection" }
        select new TestCaseData(status, pipeline).SetName($"A {status} is refused on the {pipeline} pipeline");

    [TestCaseSource(nameof(Cases))]
    public async Task A_redirect_is_refused_and_nothing_reaches_its_target(int status, string pipeline)
    {
        await using var target = new LoopbackHttpServer(OtherHost, _ => "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]");
        await using var provider = new LoopbackHttpServer(IPAddress.Loopback, path =>
            $"HTTP/1.1 {status} Moved\r\nLocation: {new Uri(target.BaseUri, path.TrimStart('/'))}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        var options = new WazzupV3ContactsOptions { ApiKey = ApiKey, BaseUri = provider.BaseUri, AllowInsecureHttp = true };
        options.Retry.MaxRetries = 2;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        var error = pipeline == "constructor"
            ? await ContactsErrorAsync(() => SendAsync(options))
            : await ContactsErrorAsync(() => SendThroughDependencyInjectionAsync(options));

        Assert.Multiple(() =>
        {
            Assert.That(target.Connections, Is.Zero, "nothing may reach the redirect's target");
            Assert.That(error.Status, Is.EqualTo(status));
            Assert.That(error.IsRetryable, Is.False);
            Assert.That(error.Message, Does.Contain($"HTTP {status}").And.Contain("127.0.0.2"));
            Assert.That(error.Message, Does.Not.Contain(ApiKey));
            Assert.That(provider.RequestLines, Has.Count.EqualTo(1), "a redirect is not retried");
        });
    }

    private static async Task SendAsync(WazzupV3ContactsOptions options)
    {
        using var client = new ContactsClient(options);
        await client.GetAsync("1");
    }

    private static async Task SendThroughDependencyInjectionAsync(WazzupV3ContactsOptions configured)
    {
        var services = new ServiceCollection();
        services.AddContacts().AddWazzupV3(options =>
        {
            options.ApiKey = configured.ApiKey;
            options.BaseUri = configured.BaseUri;
            options.AllowInsecureHttp = true;
            options.Retry.MaxRetries = configured.Retry.MaxRetries;
            options.Retry.BaseDelay = configured.Retry.BaseDelay;
        });
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ContactsClient>().GetAsync("1");
    }
}
