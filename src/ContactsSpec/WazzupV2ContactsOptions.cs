using ContactsSpec.Adapters;
using ContactsSpec.Internal;

namespace ContactsSpec;

/// <summary>Wazzup partner API v2 (<c>https://tech.wazzup24.com</c>), authenticated with the end customer's client access token.</summary>
public sealed class WazzupV2ContactsOptions : ContactsClientOptions
{
    /// <summary>The end customer's client access token (simplified authorisation or OAuth).</summary>
    public string? ClientAccessToken { get; set; }

    /// <summary>Whether upserts add contacts (POST, default) or update contacts Wazzup already holds (PATCH).</summary>
    public WazzupV2UpsertMethod UpsertMethod { get; set; } = WazzupV2UpsertMethod.Add;

    /// <inheritdoc />
    public override string Provider => ContactsProviders.WazzupV2;

    /// <inheritdoc />
    public override Uri DefaultBaseUri { get; } = new("https://tech.wazzup24.com");

    internal override IEnumerable<string?> SecretValues => [ClientAccessToken];

    internal override string? BearerToken => ClientAccessToken;

    private protected override void ValidateCredentials() => RequireHeaderToken(ClientAccessToken, nameof(ClientAccessToken));

    internal override ContactsAdapter CreateAdapter(HttpClient httpClient) => new WazzupV2ContactsAdapter(httpClient, this);
}
