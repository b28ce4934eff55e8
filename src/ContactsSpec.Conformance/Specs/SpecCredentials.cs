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

    /// <summary>Whether a parameter carries a credential (<c>x-credential: true</c>).</summary>
    public static bool IsCredential(OpenApiParameter parameter) =>
        parameter.ExtensionData?.TryGetValue("x-credential", out var flag) == true && flag is true;

    /// <summary>Whether a form property carries a credential (<c>x-credential: true</c> on its schema).</summary>
    public static bool IsCredential(NJsonSchema.JsonSchemaProperty property) =>
        property.ExtensionData?.TryGetValue("x-credential", out var flag) == true && flag is true;

    /// <summary>The path part of the spec's server URL (<c>/api</c> for <c>https://sys.wasms.net/api</c>), without a trailing slash.</summary>
    public static string ServerBasePath(ProviderSpec spec) =>
        new Uri(spec.Document.Servers.Single().Url).AbsolutePath.TrimEnd('/');
}
