using ContactsSpec.Adapters;
using ContactsSpec.Internal;

namespace ContactsSpec;

/// <summary>Wawp v2 (<c>https://api.wawp.net</c>), authenticated with an instance id and an access token (sent as query parameters).</summary>
public sealed class WawpContactsOptions : ContactsClientOptions
{
    /// <summary>The WhatsApp instance id.</summary>
    public string? InstanceId { get; set; }

    /// <summary>The API access token.</summary>
    public string? AccessToken { get; set; }

    /// <inheritdoc />
    public override string Provider => ContactsProviders.Wawp;

    /// <inheritdoc />
    public override Uri DefaultBaseUri { get; } = new("https://api.wawp.net");

    internal override IEnumerable<string?> SecretValues => [AccessToken];

    private protected override void ValidateCredentials()
    {
        RequireCredential(InstanceId, nameof(InstanceId));
        RequireCredential(AccessToken, nameof(AccessToken));
    }

    internal override ContactsAdapter CreateAdapter(HttpClient httpClient) => new WawpContactsAdapter(httpClient, this);
}
