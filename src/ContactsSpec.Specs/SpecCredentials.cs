using Microsoft.OpenApi;

namespace ContactsSpec.Specs;

/// <summary>Where a spec puts its credentials and its server, read from the conventions in specs/README.md.</summary>
public static class SpecCredentials
{
    /// <summary>The extension that marks a parameter or form field as a credential.</summary>
    public const string CredentialExtension = "x-credential";

    /// <summary>The extension of a bearer scheme that holds the doc's sample token.</summary>
    public const string ExampleTokenExtension = "x-example-token";

    /// <summary>The doc's sample bearer token (<c>x-example-token</c>), or null when the spec has no bearer scheme.</summary>
    public static string? ExampleBearerToken(ProviderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var bearer = (spec.Document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>()).Values
            .FirstOrDefault(scheme => scheme.Type == SecuritySchemeType.Http && scheme.Scheme == "bearer");
        return bearer is IOpenApiExtensible extensible ? SpecJson.Text(SpecExtensions.Value(extensible.Extensions, ExampleTokenExtension)) : null;
    }

    /// <summary>Whether a parameter carries a credential (<c>x-credential: true</c>).</summary>
    public static bool IsCredential(IOpenApiParameter parameter) =>
        parameter is IOpenApiExtensible extensible && SpecExtensions.IsSet(extensible.Extensions, CredentialExtension);

    /// <summary>Whether a form property carries a credential (<c>x-credential: true</c> on its schema).</summary>
    public static bool IsCredential(IOpenApiSchema property) =>
        property is IOpenApiExtensible extensible && SpecExtensions.IsSet(extensible.Extensions, CredentialExtension);

    /// <summary>
    /// The doc's sample value of the credential parameter called <paramref name="name"/>, or of the request body form
    /// field with that name: the first example of it in the spec; null when there is none.
    /// </summary>
    public static string? ExampleParameter(ProviderSpec spec, string name)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var operation in spec.Operations)
        {
            if (operation.Parameters.FirstOrDefault(parameter => parameter.Name == name && IsCredential(parameter)) is { } parameter)
            {
                return SpecOperation.ParameterText(parameter);
            }

            if (operation.RequestBodyExample?[name] is { } value)
            {
                return SpecJson.Text(value);
            }
        }

        return null;
    }

    /// <summary>The path part of the spec's server URL (<c>/api</c> for <c>https://sys.wasms.net/api</c>), without a trailing slash.</summary>
    public static string ServerBasePath(ProviderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var server = spec.Document.Servers?.SingleOrDefault()?.Url ?? throw new InvalidDataException($"The {spec.Key} spec needs exactly one server.");
        return new Uri(server).AbsolutePath.TrimEnd('/');
    }
}
