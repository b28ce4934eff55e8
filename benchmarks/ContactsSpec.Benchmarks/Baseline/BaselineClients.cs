using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ContactsSpec.Benchmarks.Baseline;

/// <summary>Hand-written WAMM.chat api2 calls (token in the path, parameters in the query).</summary>
public sealed class WammBaselineClient(HttpClient http, string baseUrl)
{
    /// <summary>contact_to: add or update a contact.</summary>
    public Task<WammResultDto> ContactToAsync(string token, string phone, string name, string? info, string? email, string? web, CancellationToken cancellationToken = default)
    {
        var url = $"{baseUrl}api2/contact_to/{BaselineHttp.Escape(token)}/?phone={BaselineHttp.Escape(phone)}&name={BaselineHttp.Escape(name)}"
            + (info is null ? "" : "&info=" + BaselineHttp.Escape(info))
            + (email is null ? "" : "&email=" + BaselineHttp.Escape(email))
            + (web is null ? "" : "&web=" + BaselineHttp.Escape(web));
        return BaselineHttp.GetAsync(http, url, BaselineJsonContext.Default.WammResultDto, cancellationToken);
    }

    /// <summary>contact_get: read one contact by phone.</summary>
    public Task<WammContactResponseDto> ContactGetAsync(string token, string phone, CancellationToken cancellationToken = default) =>
        BaselineHttp.GetAsync(http, $"{baseUrl}api2/contact_get/{BaselineHttp.Escape(token)}/{BaselineHttp.Escape(phone)}", BaselineJsonContext.Default.WammContactResponseDto, cancellationToken);

    /// <summary>Whether WAMM's err is the number 0.</summary>
    public static bool Succeeded(JsonElement err) => err.ValueKind == JsonValueKind.Number && err.TryGetInt32(out var code) && code == 0;
}

/// <summary>Hand-written Wawp v2 call (credentials in the query, JSON body).</summary>
public sealed class WawpBaselineClient(HttpClient http, string baseUrl)
{
    /// <summary>PUT v2/contacts/{chatId}.</summary>
    public async Task<WawpOkDto> UpsertContactAsync(string chatId, string instanceId, string accessToken, WawpContactNameDto body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Put, $"{baseUrl}v2/contacts/{BaselineHttp.Escape(chatId)}?instance_id={BaselineHttp.Escape(instanceId)}&access_token={BaselineHttp.Escape(accessToken)}");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Content = BaselineHttp.Json(body, BaselineJsonContext.Default.WawpContactNameDto);
        return await BaselineHttp.ReadAsync(http, request, BaselineJsonContext.Default.WawpOkDto, cancellationToken);
    }
}

/// <summary>Hand-written WaSMS.Net calls (secret as a form field on POST, a query parameter on GET).</summary>
public sealed class WasmsBaselineClient(HttpClient http, string baseUrl)
{
    /// <summary>POST create/contact as a URL-encoded form (what the generated clients send; specs/wasms says why).</summary>
    public async Task<WasmsResponseDto> CreateContactAsync(string secret, string phone, string name, string groups, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}create/contact");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Content = new FormUrlEncodedContent(
        [
            KeyValuePair.Create("secret", secret),
            KeyValuePair.Create("phone", phone),
            KeyValuePair.Create("name", name),
            KeyValuePair.Create("groups", groups),
        ]);
        return await BaselineHttp.ReadAsync(http, request, BaselineJsonContext.Default.WasmsResponseDto, cancellationToken);
    }

    /// <summary>GET get/contacts: one page.</summary>
    public Task<WasmsResponseDto> GetContactsAsync(string secret, int limit, int page, CancellationToken cancellationToken = default) =>
        BaselineHttp.GetAsync(
            http,
            string.Create(CultureInfo.InvariantCulture, $"{baseUrl}get/contacts?secret={BaselineHttp.Escape(secret)}&limit={limit}&page={page}"),
            BaselineJsonContext.Default.WasmsResponseDto,
            cancellationToken);

    /// <summary>The typed items of a list answer's data (an array, or false when there are none).</summary>
    public static List<WasmsContactDto> Contacts(WasmsResponseDto response) =>
        response.Data.ValueKind == JsonValueKind.Array
            ? response.Data.Deserialize(BaselineJsonContext.Default.ListWasmsContactDto) ?? []
            : [];
}

/// <summary>Hand-written Wazzup partner API v2 calls (bearer token set once on the HttpClient).</summary>
public sealed class WazzupV2BaselineClient(HttpClient http, string baseUrl)
{
    /// <summary>GET v2/contacts.</summary>
    public Task<WazzupV2ContactListDto> ListContactsAsync(int offset, int limit, CancellationToken cancellationToken = default) =>
        BaselineHttp.GetAsync(
            http, string.Create(CultureInfo.InvariantCulture, $"{baseUrl}v2/contacts?offset={offset}&limit={limit}"), BaselineJsonContext.Default.WazzupV2ContactListDto, cancellationToken);

    /// <summary>GET v2/contacts/{contact_id}.</summary>
    public Task<WazzupV2ContactListDto> GetContactAsync(string contactId, CancellationToken cancellationToken = default) =>
        BaselineHttp.GetAsync(http, $"{baseUrl}v2/contacts/{BaselineHttp.Escape(contactId)}", BaselineJsonContext.Default.WazzupV2ContactListDto, cancellationToken);
}

/// <summary>Hand-written Wazzup API v3 calls (bearer token set once on the HttpClient).</summary>
public sealed class WazzupV3BaselineClient(HttpClient http, string baseUrl)
{
    /// <summary>POST v3/contacts with up to 100 contacts.</summary>
    public async Task UpsertContactsAsync(List<WazzupV3ContactDto> contacts, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}v3/contacts");
        request.Content = BaselineHttp.Json(contacts, BaselineJsonContext.Default.ListWazzupV3ContactDto);
        await BaselineHttp.SendAsync(http, request, cancellationToken);
    }

    /// <summary>GET v3/contacts: one page.</summary>
    public Task<WazzupV3ContactListDto> ListContactsAsync(int offset, CancellationToken cancellationToken = default) =>
        BaselineHttp.GetAsync(
            http, string.Create(CultureInfo.InvariantCulture, $"{baseUrl}v3/contacts?offset={offset}"), BaselineJsonContext.Default.WazzupV3ContactListDto, cancellationToken);

    /// <summary>GET v3/contacts/{contactId}.</summary>
    public Task<WazzupV3ContactDto> GetContactAsync(string contactId, CancellationToken cancellationToken = default) =>
        BaselineHttp.GetAsync(http, $"{baseUrl}v3/contacts/{BaselineHttp.Escape(contactId)}", BaselineJsonContext.Default.WazzupV3ContactDto, cancellationToken);

    /// <summary>Sets the bearer token every request of <paramref name="http"/> carries.</summary>
    public static void Authorize(HttpClient http, string token) => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
}
