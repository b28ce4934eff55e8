using System.Net;
using ContactsSpec.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ContactsSpec.Tests.Support.TestClients;

namespace ContactsSpec.Tests;

/// <summary>
/// A host that adds the standard resilience handler to every HttpClient (as .NET Aspire's service defaults do) must
/// not stack its retries on the facade's: the facade's named clients keep the facade's own retry rules alone.
/// </summary>
[TestFixture]
public sealed class HostResilienceTests
{
    [Test]
    public async Task A_get_is_sent_as_often_as_the_facade_retries_and_no_more()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.ServiceUnavailable));
        using var services = Services(handler, contacts => contacts.AddWazzupV3(options => Configure(options, "key", maxRetries: 2)), ContactsProviders.WazzupV3);

        var error = await ContactsErrorAsync(() => services.GetRequiredService<ContactsClient>().GetAsync("1"));

        Assert.That(error.Status, Is.EqualTo(503));
        Assert.That(handler.Requests, Has.Count.EqualTo(3), "one attempt and the facade's two retries");
    }

    [Test]
    public async Task A_WaSMS_create_that_may_have_reached_the_provider_is_sent_once()
    {
        var handler = new ScriptedHandler(_ => Respond.Status(HttpStatusCode.InternalServerError));
        using var services = Services(handler, contacts => contacts.AddWasms(options =>
        {
            options.Secret = "secret";
            Fast(options, maxRetries: 3);
        }), ContactsProviders.Wasms);

        var error = await ContactsErrorAsync(() => services.GetRequiredService<ContactsClient>().UpsertAsync(
            new Contact { Phone = "+923012345678", Name = "Martin", Groups = ["1"] }));

        Assert.That(error.Status, Is.EqualTo(500));
        Assert.That(handler.Requests, Has.Count.EqualTo(1), "a non-idempotent create is never re-sent after an ambiguous failure");
    }

    private static void Configure(WazzupV3ContactsOptions options, string key, int maxRetries)
    {
        options.ApiKey = key;
        Fast(options, maxRetries);
    }

    private static ServiceProvider Services(ScriptedHandler handler, Action<ContactsBuilder> add, string provider)
    {
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler(options => options.Retry.Delay = TimeSpan.FromMilliseconds(1)));
        add(services.AddContacts());
        services.AddHttpClient(ContactsBuilder.HttpClientName(provider)).ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider();
    }
}
