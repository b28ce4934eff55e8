using ContactsSpec.Internal;

namespace ContactsSpec;

/// <summary>
/// Settings common to every provider. Use the provider's own subclass (<see cref="WazzupV3ContactsOptions"/>,
/// <see cref="WammContactsOptions"/>, ...), which adds its credentials and its documented host as the default
/// <see cref="BaseUri"/>. Credentials never appear in <see cref="ToString"/>.
/// </summary>
public abstract class ContactsClientOptions
{
    private Uri? _baseUri;

    private protected ContactsClientOptions()
    {
    }

    /// <summary>The provider key (<c>wamm</c>, <c>wawp</c>, <c>wasms</c>, <c>wazzup-v2</c>, <c>wazzup-v3</c>).</summary>
    public abstract string Provider { get; }

    /// <summary>The provider's documented host, the default <see cref="BaseUri"/>.</summary>
    public abstract Uri DefaultBaseUri { get; }

    /// <summary>Where requests go. Default: <see cref="DefaultBaseUri"/>. Plain http needs <see cref="AllowInsecureHttp"/>.</summary>
    public Uri BaseUri
    {
        get => _baseUri ?? DefaultBaseUri;
        set => _baseUri = value;
    }

    /// <summary>Allows an <c>http://</c> <see cref="BaseUri"/> (credentials then cross the network in clear). Default false.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Retries of retryable failures.</summary>
    public ContactsRetryOptions Retry { get; private set; } = new();

    /// <summary>Time limit of one HTTP attempt. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of one operation, retries and backoff included. Default 2 min.</summary>
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Single calls in flight at once where a batch is fanned out (no batch endpoint). Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// The largest response body accepted, in bytes. A longer answer fails with <see cref="ContactsErrorKind.ProviderError"/>
    /// without being read further (by its Content-Length, before its body is read, or as soon as more than this
    /// has arrived), so a broken or hostile provider cannot exhaust memory. Default 10 MiB.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The clock for timeouts, retry delays and <c>Retry-After</c> dates. Default <see cref="TimeProvider.System"/>;
    /// tests can pass a fake one to control time.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>What to do with fields the provider cannot store. Default <see cref="UnsupportedFieldPolicy.Reject"/>.</summary>
    public UnsupportedFieldPolicy UnsupportedFields { get; set; } = UnsupportedFieldPolicy.Reject;

    /// <summary>The credential values, for redaction; never logged or shown.</summary>
    internal abstract IEnumerable<string?> SecretValues { get; }

    /// <summary>The bearer token to send in the Authorization header, for providers that use one.</summary>
    internal virtual string? BearerToken => null;

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name} {{ Provider = {Provider}, BaseUri = {BaseUri}, credentials = (redacted) }}";

    /// <summary>
    /// A validated copy, taken when a client is created: a later change to these options (an invalid one included)
    /// never reaches a client already built from them.
    /// </summary>
    internal ContactsClientOptions ValidatedCopy()
    {
        var copy = (ContactsClientOptions)MemberwiseClone();
        copy.Retry = Retry.Clone();
        copy.Validate();
        return copy;
    }

    /// <summary>Checks the settings; throws <see cref="ArgumentException"/> naming the setting, never its value.</summary>
    private void Validate()
    {
        if (!BaseUri.IsAbsoluteUri || (BaseUri.Scheme != Uri.UriSchemeHttps && BaseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{GetType().Name}.BaseUri must be an absolute http(s) URI.");
        }

        if (BaseUri.Scheme == Uri.UriSchemeHttp && !AllowInsecureHttp)
        {
            throw new ArgumentException($"{GetType().Name}.BaseUri uses plain http, which would send the {Provider} credentials in clear; set AllowInsecureHttp = true to allow it (for example for a local test server).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Retry.MaxRetries, $"{GetType().Name}.Retry.MaxRetries");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero, $"{GetType().Name}.AttemptTimeout");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(OverallTimeout, TimeSpan.Zero, $"{GetType().Name}.OverallTimeout");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, $"{GetType().Name}.MaxConcurrency");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxResponseBytes, 1, $"{GetType().Name}.MaxResponseBytes");
        ValidateCredentials();
    }

    /// <summary>Throws naming each missing credential setting.</summary>
    private protected abstract void ValidateCredentials();

    /// <summary>The adapter that speaks this provider's API through its generated client.</summary>
    internal abstract ContactsAdapter CreateAdapter(HttpClient httpClient);

    /// <summary>Throws unless the credential is set and can be sent as given (well-formed Unicode); never quotes it.</summary>
    private protected void RequireCredential(string? value, string settingName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{GetType().Name}.{settingName} is required for {Provider}.");
        }

        if (!ContactConstraints.IsWellFormed(value))
        {
            throw new ArgumentException($"{GetType().Name}.{settingName} is not well-formed Unicode (it holds a lone surrogate), so it cannot be sent as given.");
        }

        // No provider issues credentials with control characters; a line break read along from a file is a common slip.
        if (value.Any(char.IsControl))
        {
            throw new ArgumentException($"{GetType().Name}.{settingName} holds control characters (a line break, tab or NUL, for example), which no credential has.");
        }
    }

    /// <summary>For a credential sent as a bearer token: an HTTP header carries only visible ASCII, without spaces.</summary>
    private protected void RequireHeaderToken(string? value, string settingName)
    {
        RequireCredential(value, settingName);
        if (!value!.All(character => character is > ' ' and <= '~'))
        {
            throw new ArgumentException($"{GetType().Name}.{settingName} holds characters a bearer token cannot carry in an HTTP header (spaces, control or non-ASCII characters).");
        }
    }

    /// <summary>For a credential sent as a URL path segment: <c>.</c> and <c>..</c> would be removed from the path.</summary>
    private protected void RequirePathSegment(string? value, string settingName)
    {
        RequireCredential(value, settingName);
        if (value is "." or "..")
        {
            throw new ArgumentException($"{GetType().Name}.{settingName} cannot be '.' or '..': as a URL path segment it would be removed from the path.");
        }
    }
}
