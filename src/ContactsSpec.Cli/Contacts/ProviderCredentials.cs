namespace ContactsSpec.Cli.Contacts;

/// <summary>
/// Each provider's credentials as the tool reads them, from the provider registry (<see cref="ContactsProviders.Registered"/>):
/// credential <c>name</c> of provider <c>key</c> comes from the flag <c>--name</c>, else the variable
/// <c>CONTACTSSPEC_KEY_NAME</c> (upper case, <c>-</c> as <c>_</c>). A flag of another provider is a usage error rather
/// than silently ignored. Values are never printed.
/// </summary>
internal static class ProviderCredentials
{
    /// <summary>Every credential name of every provider, each once.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. ContactsProviders.Registered.SelectMany(provider => provider.Credentials).Select(credential => credential.Name).Distinct(StringComparer.Ordinal)];

    public static string Flag(string name) => $"--{name}";

    public static string EnvironmentVariable(ContactsProvider provider, ContactsCredential credential) =>
        $"CONTACTSSPEC_{provider.Key}_{credential.Name}".Replace('-', '_').ToUpperInvariant();

    /// <summary>The flag's help: which provider takes it, as what, and from which variable otherwise.</summary>
    public static string Describe(string name) => string.Join("; ", ContactsProviders.Registered.SelectMany(provider => provider.Credentials
        .Where(credential => credential.Name == name)
        .Select(credential => $"{provider.Key}: the {credential.Description} (${EnvironmentVariable(provider, credential)})"))) + ".";

    /// <summary>Throws a usage error for a credential flag the provider does not take.</summary>
    public static void RejectForeignFlags(ConnectionSettings settings)
    {
        var provider = ContactsProviders.Find(settings.Provider);
        foreach (var (name, value) in settings.CredentialFlags)
        {
            if (value is not null && !provider.Credentials.Any(credential => credential.Name == name))
            {
                throw CliException.Usage(
                    $"{Flag(name)} does not apply to {provider.Key}; its credentials are {string.Join(" and ", provider.Credentials.Select(credential => $"{Flag(credential.Name)} (or ${EnvironmentVariable(provider, credential)})"))}.");
            }
        }
    }

    /// <summary>The credential's value from its flag, else its environment variable, else null.</summary>
    public static string? Read(ContactsProvider provider, ContactsCredential credential, ConnectionSettings settings) =>
        settings.CredentialFlags.GetValueOrDefault(credential.Name) is { Length: > 0 } flag ? flag
        : Environment.GetEnvironmentVariable(EnvironmentVariable(provider, credential)) is { Length: > 0 } variable ? variable
        : null;
}
