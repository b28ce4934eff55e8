namespace ContactsSpec;

/// <summary>
/// One provider as the facade, its dependency injection, the command-line tool and the test suites all know it: its
/// key, its options and credentials, and its generated client. Each is declared once, in
/// <see cref="ContactsProviders.Registered"/>.
/// </summary>
internal sealed class ContactsProvider
{
    private readonly Func<ContactsClientOptions> _createOptions;

    internal ContactsProvider(
        string key, string displayName, Func<ContactsClientOptions> createOptions, IReadOnlyList<ContactsCredential> credentials, Type generatedClientType,
        IReadOnlyDictionary<string, ContactsOperations> operations)
    {
        Key = key;
        DisplayName = displayName;
        _createOptions = createOptions;
        Credentials = credentials;
        GeneratedClientType = generatedClientType;
        Operations = operations;
        SupportedOperations = operations.Values.Aggregate(ContactsOperations.None, (all, sent) => all | sent);
        var blank = createOptions();
        OptionsType = blank.GetType();
        DefaultBaseUri = blank.DefaultBaseUri;
    }

    /// <summary>The provider key (<c>wazzup-v3</c>): its options' <see cref="ContactsClientOptions.Provider"/>, its folder under <c>specs/</c>.</summary>
    public string Key { get; }

    /// <summary>The provider's name for people (<c>Wazzup API v3</c>).</summary>
    public string DisplayName { get; }

    /// <summary>The options class (<see cref="WazzupV3ContactsOptions"/>, ...).</summary>
    public Type OptionsType { get; }

    /// <summary>The provider's documented host, where requests go unless <see cref="ContactsClientOptions.BaseUri"/> says otherwise.</summary>
    public Uri DefaultBaseUri { get; }

    /// <summary>The credentials its options need, in the order the provider's documentation gives them.</summary>
    public IReadOnlyList<ContactsCredential> Credentials { get; }

    /// <summary>The client NSwag generates from the provider's spec (<c>ContactsSpec.Clients.WazzupV3.WazzupV3Client</c>).</summary>
    public Type GeneratedClientType { get; }

    /// <summary>
    /// Every operation of the provider's spec, by operationId, with the facade operations that send its request
    /// (<c>upsertContacts</c>: <see cref="ContactsOperations.Upsert"/> and <see cref="ContactsOperations.UpsertMany"/>).
    /// </summary>
    public IReadOnlyDictionary<string, ContactsOperations> Operations { get; }

    /// <summary>What the facade supports for this provider: every operation some spec operation serves (<see cref="ContactsCapabilities.Operations"/>).</summary>
    public ContactsOperations SupportedOperations { get; }

    /// <summary>
    /// New options for this provider with the given credentials, by <see cref="ContactsCredential.Name"/>; a credential
    /// not given stays unset (and a client refuses options without it).
    /// </summary>
    /// <exception cref="ArgumentException">A name that is not one of this provider's credentials.</exception>
    public ContactsClientOptions CreateOptions(IReadOnlyDictionary<string, string> credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var options = _createOptions();
        foreach (var (name, value) in credentials)
        {
            var credential = Credentials.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.Ordinal))
                ?? throw new ArgumentException($"{Key} has no credential '{name}'; its credentials are {string.Join(", ", Credentials)}.", nameof(credentials));
            credential.Set(options, value);
        }

        return options;
    }

    /// <inheritdoc />
    public override string ToString() => Key;
}
