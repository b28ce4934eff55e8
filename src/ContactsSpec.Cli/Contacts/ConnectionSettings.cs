namespace ContactsSpec.Cli.Contacts;

/// <summary>What the <c>contacts</c> options say about reaching the provider.</summary>
internal sealed record ConnectionSettings
{
    public required string Provider { get; init; }

    public Uri? BaseUrl { get; init; }

    public bool Sandbox { get; init; }

    public bool AllowInsecureHttp { get; init; }

    /// <summary>The credential flags as given, by credential name (<see cref="ContactsCredential.Name"/>); null where not given.</summary>
    public IReadOnlyDictionary<string, string?> CredentialFlags { get; init; } = new Dictionary<string, string?>();

    public int? Retries { get; init; }

    public double? TimeoutSeconds { get; init; }

    public UnsupportedFieldPolicy UnsupportedFields { get; init; }
}
