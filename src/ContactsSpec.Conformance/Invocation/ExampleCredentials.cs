using ContactsSpec.Specs;

namespace ContactsSpec.Conformance.Invocation;

/// <summary>The doc's sample credentials of a provider, for calls answered by its documented examples.</summary>
public static class ExampleCredentials
{
    /// <summary>
    /// The doc's sample value of each of the provider's credentials (<see cref="ContactsProvider.Credentials"/>), by
    /// credential name: from the parameter or form field the registry names, or the bearer scheme's sample token.
    /// </summary>
    /// <exception cref="InvalidDataException">The spec gives no example for one of them.</exception>
    public static IReadOnlyDictionary<string, string> Of(ProviderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return ContactsProviders.Find(spec.Key).Credentials.ToDictionary(
            credential => credential.Name,
            credential => (credential.SpecParameter is { } parameter ? SpecCredentials.ExampleParameter(spec, parameter) : SpecCredentials.ExampleBearerToken(spec))
                ?? throw new InvalidDataException($"The {spec.Key} spec gives no example for its credential '{credential.Name}'."),
            StringComparer.Ordinal);
    }
}
