using System.Text.Json.Nodes;
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
    /// The doc's sample value of the credential parameter or form field called <paramref name="name"/>: the first
    /// example of it in the spec; null when there is none.
    /// </summary>
    public static string? ExampleParameter(ProviderSpec spec, string name)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Operations.SelectMany(Of).FirstOrDefault(credential => credential.Name == name && credential.Example is not null).Example;
    }

    /// <summary>
    /// The credentials an operation sends: its parameters and form fields marked <c>x-credential</c>, where each
    /// travels (<c>path</c>, <c>query</c> or <c>form</c>) and the sample value its request example gives (null when none).
    /// </summary>
    public static IEnumerable<(string Name, string Location, string? Example)> Of(SpecOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        foreach (var parameter in operation.Parameters.Where(IsCredential))
        {
            yield return (parameter.Name!, parameter.In.ToString()!.ToLowerInvariant(), SpecJson.Text(SpecJson.Normalize(parameter.Example)));
        }

        // A form the spec declares in two content types (WaSMS's) names each field twice.
        var fields = operation.RequestBodyContent.Values
            .SelectMany(media => media.Schema?.Properties ?? new Dictionary<string, IOpenApiSchema>())
            .Where(property => IsCredential(property.Value))
            .Select(property => property.Key)
            .Distinct(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            yield return (field, "form", SpecJson.Text((operation.RequestBodyExample as JsonObject)?[field]));
        }
    }

    /// <summary>The path part of the spec's server URL (<c>/api</c> for <c>https://sys.wasms.net/api</c>), without a trailing slash.</summary>
    public static string ServerBasePath(ProviderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var server = spec.Document.Servers?.SingleOrDefault()?.Url ?? throw new InvalidDataException($"The {spec.Key} spec needs exactly one server.");
        return new Uri(server).AbsolutePath.TrimEnd('/');
    }
}
