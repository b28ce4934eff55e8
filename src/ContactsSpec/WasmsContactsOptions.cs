using ContactsSpec.Adapters;
using ContactsSpec.Internal;

namespace ContactsSpec;

/// <summary>WaSMS.Net (<c>https://sys.wasms.net/api</c>), authenticated with the API secret (sent as a query or form parameter).</summary>
public sealed class WasmsContactsOptions : ContactsClientOptions
{
    /// <summary>The API secret from Tools → API Keys.</summary>
    public string? Secret { get; set; }

    /// <inheritdoc />
    public override string Provider => ContactsProviders.Wasms;

    /// <inheritdoc />
    public override Uri DefaultBaseUri { get; } = new("https://sys.wasms.net/api");

    internal override IEnumerable<string?> SecretValues => [Secret];

    private protected override void ValidateCredentials() => RequireCredential(Secret, nameof(Secret));

    internal override ContactsAdapter CreateAdapter(HttpClient httpClient) => new WasmsContactsAdapter(httpClient, this);
}
