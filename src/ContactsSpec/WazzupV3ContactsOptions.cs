using ContactsSpec.Adapters;
using ContactsSpec.Internal;

namespace ContactsSpec;

/// <summary>Wazzup API v3 (<c>https://api.wazzup24.com</c>), authenticated with an API key as a bearer token.</summary>
public sealed class WazzupV3ContactsOptions : ContactsClientOptions
{
    /// <summary>The Wazzup API key.</summary>
    public string? ApiKey { get; set; }

    /// <inheritdoc />
    public override string Provider => ContactsProviders.WazzupV3;

    /// <inheritdoc />
    public override Uri DefaultBaseUri { get; } = new("https://api.wazzup24.com");

    internal override IEnumerable<string?> SecretValues => [ApiKey];

    internal override string? BearerToken => ApiKey;

    private protected override void ValidateCredentials() => RequireHeaderToken(ApiKey, nameof(ApiKey));

    internal override ContactsAdapter CreateAdapter(HttpClient httpClient) => new WazzupV3ContactsAdapter(httpClient, this);
}
