using System.CommandLine;

namespace ContactsSpec.Cli.Contacts;

/// <summary>The options every <c>contacts</c> command takes: provider, where to reach it, credentials, resilience.</summary>
internal sealed class ConnectionOptions
{
    private readonly Option<string> _provider = new("--provider", "-p")
    {
        Description = "The provider.",
        Required = true,
        HelpName = string.Join('|', ContactsProviders.All),
    };

    private readonly Option<Uri?> _baseUrl = new("--base-url")
    {
        Description = "Where to send requests. Default: the provider's documented host.",
        HelpName = "url",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
            {
                return uri;
            }

            result.AddError($"--base-url must be an absolute URL, not '{text}'.");
            return null;
        },
    };

    private readonly Option<bool> _sandbox = new("--sandbox")
    {
        Description = "Answer from an embedded WireMock with the provider's documented examples: no account needed, nothing leaves this machine.",
    };

    private readonly Option<bool> _allowInsecureHttp = new("--allow-insecure-http")
    {
        Description = "Allow an http:// --base-url (credentials then cross the network in clear).",
    };

    // One flag per credential name in the provider registry (--token serves both WAMM and Wazzup v2).
    private readonly IReadOnlyDictionary<string, Option<string?>> _credentials = ProviderCredentials.Names.ToDictionary(
        name => name,
        name => new Option<string?>(ProviderCredentials.Flag(name)) { Description = ProviderCredentials.Describe(name) },
        StringComparer.Ordinal);

    private readonly Option<int?> _retries = new("--retries")
    {
        Description = "Retries of retryable failures of idempotent calls. Default: the facade's (3).",
        HelpName = "count",
    };

    private readonly Option<double?> _timeout = new("--timeout")
    {
        Description = "Overall time limit of one operation in seconds, retries included. Default: the facade's (120).",
        HelpName = "seconds",
    };

    private readonly Option<UnsupportedFieldPolicy> _unsupportedFields = new("--unsupported-fields")
    {
        // Unset is Reject (the enum's zero).
        Description = "A field the provider cannot store: reject the contact (the default), or report it and send the rest.",
        HelpName = "reject|report",
    };

    public ConnectionOptions()
    {
        _provider.AcceptOnlyFromAmong([.. ContactsProviders.All]);
        NumberOptionValidation.RequireAtLeast(_retries, 0);
        NumberOptionValidation.RequirePositive<double>(_timeout);
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _provider, _sandbox, _baseUrl, _allowInsecureHttp }.Concat(_credentials.Values).Concat([_retries, _timeout, _unsupportedFields]))
        {
            command.Options.Add(option);
        }
    }

    public ConnectionSettings Read(ParseResult parse) => new()
    {
        Provider = parse.GetRequiredValue(_provider),
        BaseUrl = parse.GetValue(_baseUrl),
        Sandbox = parse.GetValue(_sandbox),
        AllowInsecureHttp = parse.GetValue(_allowInsecureHttp),
        CredentialFlags = _credentials.ToDictionary(option => option.Key, option => parse.GetValue(option.Value), StringComparer.Ordinal),
        Retries = parse.GetValue(_retries),
        TimeoutSeconds = parse.GetValue(_timeout),
        UnsupportedFields = parse.GetValue(_unsupportedFields),
    };
}
