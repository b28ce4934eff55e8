namespace ContactsSpec;

/// <summary>
/// One credential of a provider, as every part of ContactsSpec names it: the options property it sets, the name the
/// command-line tool uses for it (its flag <c>--name</c> and its variable <c>CONTACTSSPEC_KEY_NAME</c>), and
/// where the provider's spec puts it.
/// </summary>
internal sealed class ContactsCredential
{
    private readonly Action<ContactsClientOptions, string> _set;

    internal ContactsCredential(string name, string description, string optionName, string? specParameter, Action<ContactsClientOptions, string> set)
    {
        Name = name;
        Description = description;
        OptionName = optionName;
        SpecParameter = specParameter;
        _set = set;
    }

    /// <summary>The credential's name in kebab case (<c>api-key</c>, <c>instance-id</c>).</summary>
    public string Name { get; }

    /// <summary>What it is, in words (<c>API key</c>).</summary>
    public string Description { get; }

    /// <summary>The options property that holds it (<c>ApiKey</c>).</summary>
    public string OptionName { get; }

    /// <summary>The spec's parameter that carries it (marked <c>x-credential</c>), or null when the spec's bearer scheme does.</summary>
    public string? SpecParameter { get; }

    /// <inheritdoc />
    public override string ToString() => Name;

    internal void Set(ContactsClientOptions options, string value) => _set(options, value);
}
