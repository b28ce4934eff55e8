using ContactsSpec.Adapters;
using ContactsSpec.Internal;

namespace ContactsSpec;

/// <summary>WAMM.chat API2 (<c>https://wamm.chat</c>), authenticated with the account's API token (sent as a path segment).</summary>
public sealed class WammContactsOptions : ContactsClientOptions
{
    /// <summary>The API token from the WAMM.chat settings.</summary>
    public string? Token { get; set; }

    /// <inheritdoc />
    public override string Provider => ContactsProviders.Wamm;

    /// <inheritdoc />
    public override Uri DefaultBaseUri { get; } = new("https://wamm.chat");

    internal override IEnumerable<string?> SecretValues => [Token];

    private protected override void ValidateCredentials() => RequirePathSegment(Token, nameof(Token));

    internal override ContactsAdapter CreateAdapter(HttpClient httpClient) => new WammContactsAdapter(httpClient, this);
}
