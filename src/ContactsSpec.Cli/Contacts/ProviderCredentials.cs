namespace ContactsSpec.Cli.Contacts;

/// <summary>
/// Each provider's credentials: the flag and the environment variable each is read from (the flag wins). A flag
/// of another provider is a usage error rather than silently ignored. Values are never printed.
/// </summary>
internal static class ProviderCredentials
{
    public static IReadOnlyDictionary<string, IReadOnlyList<Credential>> ByProvider { get; } = new Dictionary<string, IReadOnlyList<Credential>>(StringComparer.Ordinal)
    {
        [ContactsProviders.Wamm] = [new("--token", "CONTACTSSPEC_WAMM_TOKEN", "token", settings => settings.Token)],
        [ContactsProviders.Wawp] =
        [
            new("--instance-id", "CONTACTSSPEC_WAWP_INSTANCE_ID", "instance id", settings => settings.InstanceId),
            new("--access-token", "CONTACTSSPEC_WAWP_ACCESS_TOKEN", "access token", settings => settings.AccessToken),
        ],
        [ContactsProviders.Wasms] = [new("--secret", "CONTACTSSPEC_WASMS_SECRET", "API secret", settings => settings.Secret)],
        [ContactsProviders.WazzupV2] = [new("--token", "CONTACTSSPEC_WAZZUP_V2_TOKEN", "client access token", settings => settings.Token)],
        [ContactsProviders.WazzupV3] = [new("--api-key", "CONTACTSSPEC_WAZZUP_V3_API_KEY", "API key", settings => settings.ApiKey)],
    };

    private static readonly (string Flag, Func<ConnectionSettings, string?> Read)[] Flags =
    [
        ("--token", settings => settings.Token),
        ("--api-key", settings => settings.ApiKey),
        ("--secret", settings => settings.Secret),
        ("--instance-id", settings => settings.InstanceId),
        ("--access-token", settings => settings.AccessToken),
    ];

    /// <summary>Throws a usage error for a credential flag the provider does not take.</summary>
    public static void RejectForeignFlags(ConnectionSettings settings)
    {
        var own = ByProvider[settings.Provider];
        foreach (var (flag, read) in Flags)
        {
            if (read(settings) is not null && !own.Any(credential => credential.Flag == flag))
            {
                throw CliException.Usage(
                    $"{flag} does not apply to {settings.Provider}; its credentials are {string.Join(" and ", own.Select(credential => $"{credential.Flag} (or ${credential.EnvironmentVariable})"))}.");
            }
        }
    }

    /// <summary>The credential's value from its flag, else its environment variable, else null.</summary>
    public static string? Read(Credential credential, ConnectionSettings settings) =>
        credential.FromFlag(settings) is { Length: > 0 } flag ? flag
        : Environment.GetEnvironmentVariable(credential.EnvironmentVariable) is { Length: > 0 } variable ? variable
        : null;

    /// <summary>One credential of a provider.</summary>
    internal sealed record Credential(string Flag, string EnvironmentVariable, string Description, Func<ConnectionSettings, string?> FromFlag);
}
