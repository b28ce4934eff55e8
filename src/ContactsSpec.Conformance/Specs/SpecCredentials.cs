using ContactsSpec.Conformance.Stubs;
using Newtonsoft.Json.Linq;
using NSwag;

namespace ContactsSpec.Conformance.Specs;

/// <summary>Where a spec puts its credentials, read from the conventions in specs/README.md.</summary>
public static class SpecCredentials
{
    /// <summary>The doc's sample bearer token (<c>x-example-token</c>), or null when the spec has no bearer scheme.</summary>
    public static string? ExampleBearerToken(ProviderSpec spec)
    {
        var bearer = spec.Document.Components.SecuritySchemes.Values
            .FirstOrDefault(scheme => scheme.Type == OpenApiSecuritySchemeType.Http && scheme.Scheme == "bearer");
        return bearer?.ExtensionData is { } data && data.TryGetValue("x-example-token", out var token) ? token as string : null;
    }

    /// <summary>
    /// The doc's sample value of each of the provider's credentials (<see cref="ContactsProvider.Credentials"/>), by
    /// credential name: from the parameter or form field the registry names, or the bearer scheme's sample token.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Examples(ProviderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return ContactsProviders.Find(spec.Key).Credentials.ToDictionary(
            credential => credential.Name,
            credential => (credential.SpecParameter is { } parameter ? ExampleParameter(spec, parameter) : ExampleBearerToken(spec))
                ?? throw new InvalidDataException($"The {spec.Key} spec gives no example for its credential '{credential.Name}'."),
            StringComparer.Ordinal);
    }

    /// <summary>Whether a parameter carries a credential (<c>x-credential: true</c>).</summary>
    public static bool IsCredential(OpenApiParameter parameter) =>
        parameter.ExtensionData?.TryGetValue("x-credential", out var flag) == true && flag is true;

    /// <summary>Whether a form property carries a credential (<c>x-credential: true</c> on its schema).</summary>
    public static bool IsCredential(NJsonSchema.JsonSchemaProperty property) =>
        property.ExtensionData?.TryGetValue("x-credential", out var flag) == true && flag is true;

    // The first example of a credential parameter, or of a form field in a request body example, with that name.
    private static string? ExampleParameter(ProviderSpec spec, string name)
    {
        foreach (var operation in spec.Operations)
        {
            if (operation.Parameters.FirstOrDefault(parameter => parameter.Name == name && IsCredential(parameter)) is { } parameter)
            {
                return WireMockStubFactory.ParameterText(parameter);
            }

            if (operation.RequestBodyExample?[name] is JValue value)
            {
                return (string?)value;
            }
        }

        return null;
    }

    /// <summary>The path part of the spec's server URL (<c>/api</c> for <c>https://sys.wasms.net/api</c>), without a trailing slash.</summary>
    public static string ServerBasePath(ProviderSpec spec) =>
        new Uri(spec.Document.Servers.Single().Url).AbsolutePath.TrimEnd('/');
}
