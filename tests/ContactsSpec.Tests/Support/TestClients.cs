using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ContactsSpec.Tests.Support;

/// <summary>Options with tiny retry delays and timeouts, clients over a <see cref="ScriptedHandler"/>, and sample contacts.</summary>
public static class TestClients
{
    public const string WazzupV3Key = "SECRET-apikey-7f3a9";
    public const string WammToken = "SECRET-token-19c2";
    public const string WasmsSecret = "SECRET-wasms-88aa";
    public const string WawpAccessToken = "SECRET-access-55b1";
    public const string WawpInstanceId = "instance-4242";
    public const string WazzupV2Token = "SECRET-client-3d6e";

    public static T Fast<T>(T options, int maxRetries = 2)
        where T : ContactsClientOptions
    {
        options.Retry.MaxRetries = maxRetries;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.AttemptTimeout = TimeSpan.FromSeconds(5);
        options.OverallTimeout = TimeSpan.FromSeconds(10);
        return options;
    }

    public static WazzupV3ContactsOptions WazzupV3Options(int maxRetries = 2) => Fast(new WazzupV3ContactsOptions { ApiKey = WazzupV3Key }, maxRetries);

    public static WammContactsOptions WammOptions(int maxRetries = 2) => Fast(new WammContactsOptions { Token = WammToken }, maxRetries);

    public static WasmsContactsOptions WasmsOptions(int maxRetries = 2) => Fast(new WasmsContactsOptions { Secret = WasmsSecret }, maxRetries);

    public static WawpContactsOptions WawpOptions(int maxRetries = 2) =>
        Fast(new WawpContactsOptions { InstanceId = WawpInstanceId, AccessToken = WawpAccessToken }, maxRetries);

    public static WazzupV2ContactsOptions WazzupV2Options(int maxRetries = 2) => Fast(new WazzupV2ContactsOptions { ClientAccessToken = WazzupV2Token }, maxRetries);

    public static ContactsClient Client(ContactsClientOptions options, ScriptedHandler handler, ILoggerFactory? loggerFactory = null) =>
        new(options, handler, loggerFactory);

    /// <summary>A valid Wazzup v3 contact, in the shape of the spec's upsertContacts request example.</summary>
    public static Contact V3Contact(int number) => new()
    {
        Id = number.ToString(CultureInfo.InvariantCulture),
        ResponsibleUserId = "1",
        Name = (3301 + number).ToString(CultureInfo.InvariantCulture),
        Web = "https://link-to-contact-in-crm.com",
        Channels = [new ContactChannel { ChatType = ChatType.WhatsApp, ChatId = (79991114433L + number).ToString(CultureInfo.InvariantCulture) }],
    };

    public static List<Contact> V3Contacts(int count) => [.. Enumerable.Range(0, count).Select(V3Contact)];

    /// <summary>A valid Wazzup v2 contact, in the shape of the spec's createContacts request example.</summary>
    public static Contact V2Contact => new()
    {
        Id = "contacts1",
        ResponsibleUserId = "1",
        Name = "TestContact",
        Web = "https://example.com/contact/1",
        Channels = [new ContactChannel { ChatType = ChatType.WhatsApp, ChatId = "79999999999" }],
    };

    /// <summary>The ids in a JSON array body of contacts (Wazzup v3 upsert).</summary>
    public static List<string> IdsInBody(RecordedRequest request)
    {
        using var document = JsonDocument.Parse(request.Body!);
        return [.. document.RootElement.EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];
    }

    /// <summary>The strings in a JSON array body (Wazzup v3 bulk delete).</summary>
    public static List<string> StringsInBody(RecordedRequest request)
    {
        using var document = JsonDocument.Parse(request.Body!);
        return [.. document.RootElement.EnumerateArray().Select(item => item.GetString()!)];
    }

    /// <summary>A Wazzup v3 contact as JSON, as the spec's getContact example shows it.</summary>
    public static string V3ContactJson(string id, string chatType = "whatsapp", string chatId = "79991114433") =>
        $$"""{"id":"{{id}}","responsibleUserId":"1","name":"3301","contactData":[{"chatType":"{{chatType}}","chatId":"{{chatId}}"}],"uri":"https://link-to-contact-in-crm.com"}""";

    public static ContactsException ContactsError(TestDelegate call) => Assert.Throws<ContactsException>(call)!;

    public static async Task<ContactsException> ContactsErrorAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (ContactsException error)
        {
            return error;
        }

        Assert.Fail("Expected a ContactsException, but the call succeeded.");
        throw new InvalidOperationException("unreachable");
    }
}
