namespace ContactsSpec.Cli.Contacts;

/// <summary>
/// Each provider's credentials as the tool reads them, from the provider registry (<see cref="ContactsProviders.Registered"/>):
/// credential <c>name</c> of provider <c>key</c> comes from the flag <c>--name</c> (its value, or <c>@path</c> for a
/// file's content, or <c>-</c> for a line of standard input, so that the secret stays out of shell history and the
/// process list), else the file the variable <c>CONTACTSSPEC_KEY_NAME_FILE</c> names, else the variable
/// <c>CONTACTSSPEC_KEY_NAME</c> (upper case, <c>-</c> as <c>_</c>). A flag of another provider is a usage error rather
/// than silently ignored. Values are never printed.
/// </summary>
internal static class ProviderCredentials
{
    private const string FileSuffix = "_FILE";

    /// <summary>Every credential name of every provider, each once.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. ContactsProviders.Registered.SelectMany(provider => provider.Credentials).Select(credential => credential.Name).Distinct(StringComparer.Ordinal)];

    public static string Flag(string name) => $"--{name}";

    public static string EnvironmentVariable(ContactsProvider provider, ContactsCredential credential) =>
        $"CONTACTSSPEC_{provider.Key}_{credential.Name}".Replace('-', '_').ToUpperInvariant();

    /// <summary>The flag's help: which provider takes it, as what, and from which variable otherwise.</summary>
    public static string Describe(string name) => string.Join("; ", ContactsProviders.Registered.SelectMany(provider => provider.Credentials
        .Where(credential => credential.Name == name)
        .Select(credential => $"{provider.Key}: the {credential.Description} (${EnvironmentVariable(provider, credential)})"))) + ". @path reads it from a file, - from standard input.";

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

    /// <summary>The credential's value from its flag, else the file its variable names, else its variable, else null.</summary>
    public static string? Read(ContactsProvider provider, ContactsCredential credential, ConnectionSettings settings)
    {
        var variable = EnvironmentVariable(provider, credential);
        return settings.CredentialFlags.GetValueOrDefault(credential.Name) is { Length: > 0 } flag ? FromFlag(Flag(credential.Name), flag)
            : Environment.GetEnvironmentVariable(variable + FileSuffix) is { Length: > 0 } file ? FromFile($"${variable}{FileSuffix}", file)
            : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value
            : null;
    }

    private static string FromFlag(string flag, string value) =>
        value == "-" ? ReadStandardInput(flag)
        : value.StartsWith('@') ? FromFile(flag, value[1..])
        : value;

    private static string ReadStandardInput(string flag) =>
        Console.In.ReadLine() is { Length: > 0 } line ? line : throw CliException.Usage($"{flag} - reads the credential from standard input, which gave none.");

    // The file's content without the line break an editor or `echo` leaves at its end.
    private static string FromFile(string source, string path)
    {
        try
        {
            return File.ReadAllText(path).TrimEnd('\r', '\n') is { Length: > 0 } content
                ? content
                : throw CliException.Usage($"{source}: the file '{path}' is empty.");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw CliException.Usage($"{source}: cannot read the credential file '{path}': {error.Message}");
        }
    }
}
