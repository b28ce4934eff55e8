namespace ContactsSpec.Cli.Contacts;

/// <summary>What the <c>contacts</c> options say about reaching the provider.</summary>
internal sealed record ConnectionSettings
{
    public required string Provider { get; init; }

    public Uri? BaseUrl { get; init; }

    public bool Sandbox { get; init; }

    public bool AllowInsecureHttp { get; init; }

    public string? Token { get; init; }

    public string? ApiKey { get; init; }

    public string? Secret { get; init; }

    public string? InstanceId { get; init; }

    public string? AccessToken { get; init; }

    public int? Retries { get; init; }

    public double? TimeoutSeconds { get; init; }

    public UnsupportedFieldPolicy UnsupportedFields { get; init; }
}
