using System.Collections;
using System.Reflection;
using ContactsSpec.Specs;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.OpenApi;

namespace ContactsSpec.Conformance.Invocation;

/// <summary>
/// Calls a Kiota client the way its users do: from the root, one request builder per path segment (a property per
/// literal segment, the indexer per path parameter, <c>EmptyPathSegment</c> for a trailing slash), then the method's
/// <c>GetAsync</c>, <c>PostAsync</c>, ... with the body and query parameters from the spec's examples. Nothing here
/// is written per provider or operation.
/// </summary>
public static class KiotaClientInvoker
{
    private const string EmptySegmentProperty = "EmptyPathSegment";

    /// <summary>
    /// The provider's Kiota client over <paramref name="httpClient"/>, calling <paramref name="baseUrl"/>. Its
    /// project is the NSwag client's with <c>.Kiota</c> appended; the client is its one request builder made from a
    /// request adapter alone. Authentication is left to the HttpClient, as for the NSwag client.
    /// </summary>
    public static object Create(string providerKey, HttpClient httpClient, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var type = ClientType(providerKey);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: httpClient)
        {
            BaseUrl = baseUrl.ToString().TrimEnd('/'),
        };
        return Activator.CreateInstance(type, adapter) ?? throw new InvalidOperationException($"Could not create {type.Name}.");
    }

    /// <summary>The Kiota client class of a provider.</summary>
    public static Type ClientType(string providerKey)
    {
        var nswagClient = ContactsProviders.Find(providerKey).GeneratedClientType;
        var assembly = Assembly.Load(nswagClient.Assembly.GetName().Name + ".Kiota");
        return assembly.GetExportedTypes().SingleOrDefault(type => typeof(BaseRequestBuilder).IsAssignableFrom(type)
                && type.GetConstructor([typeof(IRequestAdapter)]) is not null)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no client class (a request builder made from an IRequestAdapter alone).");
    }

    /// <summary>Calls the operation; what it returns or throws is the outcome, never rethrown.</summary>
    public static async Task<InvocationOutcome> InvokeAsync(object client, SpecOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(operation);
        var builder = Navigate(client, operation);
        var method = FindMethod(builder.GetType(), operation);
        var arguments = new List<object?>();
        foreach (var parameter in method.GetParameters())
        {
            arguments.Add(parameter.ParameterType == typeof(CancellationToken) ? cancellationToken
                : parameter.Name == "requestConfiguration" ? Configuration(parameter.ParameterType, operation)
                : await BodyAsync(parameter.ParameterType, operation, cancellationToken).ConfigureAwait(false));
        }

        return await ReflectedCall.InvokeAsync(method, builder, [.. arguments]).ConfigureAwait(false);
    }

    /// <summary>The request builder of the operation's path, reached from the client as a user would write it.</summary>
    public static object Navigate(object client, SpecOperation operation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(operation);
        var builder = client;
        foreach (var segment in operation.Path.TrimStart('/').Split('/'))
        {
            var type = builder.GetType();
            if (segment.Length == 0)
            {
                builder = Property(type, EmptySegmentProperty, operation).GetValue(builder)!;
            }
            else if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                var parameter = operation.ParametersIn(ParameterLocation.Path).Single(candidate => candidate.Name == segment[1..^1]);
                var indexer = type.GetProperties().SingleOrDefault(property => property.GetIndexParameters() is [{ ParameterType: var index }] && index == typeof(string))
                    ?? throw new MissingMemberException($"{type.Name} has no string indexer for the path parameter {segment} of {operation}.");
                builder = indexer.GetValue(builder, [SpecOperation.ParameterText(parameter)])!;
            }
            else
            {
                builder = Property(type, segment, operation).GetValue(builder)!;
            }
        }

        return builder;
    }

    /// <summary>The request builder's method for the operation's HTTP method (<c>GetAsync</c>, <c>PostAsync</c>, ...).</summary>
    public static MethodInfo FindMethod(Type builderType, SpecOperation operation)
    {
        ArgumentNullException.ThrowIfNull(builderType);
        ArgumentNullException.ThrowIfNull(operation);
        var name = char.ToUpperInvariant(operation.Method[0]) + operation.Method[1..] + "Async";
        return builderType.GetMethod(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new MissingMethodException($"{builderType.Name} has no {name} for operation {operation}.");
    }

    // Kiota names a builder property after its segment in Pascal case, keeps characters such as '_', and appends
    // "Path" where the name would clash with a request method (WaSMS's /get and /delete become GetPath, DeletePath).
    private static PropertyInfo Property(Type type, string segment, SpecOperation operation) =>
        type.GetProperties().SingleOrDefault(property => property.GetIndexParameters().Length == 0
            && (string.Equals(property.Name, segment, StringComparison.OrdinalIgnoreCase)
                || string.Equals(property.Name, segment + "Path", StringComparison.OrdinalIgnoreCase)))
        ?? throw new MissingMemberException($"{type.Name} has no request builder property for the path segment '{segment}' of {operation}.");

    // Action<RequestConfiguration<TQuery>> that sets each query parameter the spec gives an example for.
    private static object Configuration(Type actionType, SpecOperation operation)
    {
        var configurationType = actionType.GetGenericArguments()[0];
        var queryType = configurationType.GetGenericArguments()[0];
        var queryParameters = operation.ParametersIn(ParameterLocation.Query).ToList();
        var headers = operation.ParametersIn(ParameterLocation.Header).ToList();
        var properties = queryType.GetProperties()
            .Select(property => (Property: property, Name: property.GetCustomAttribute<QueryParameterAttribute>()?.TemplateName ?? property.Name))
            .ToList();
        var unmatched = queryParameters.Where(parameter => !properties.Any(property => property.Name == parameter.Name)).Select(parameter => parameter.Name).ToList();
        if (unmatched.Count > 0)
        {
            throw new InvalidOperationException($"{operation}: {queryType.Name} has no property for the query parameter(s) {string.Join(", ", unmatched)}.");
        }

        var configure = typeof(KiotaClientInvoker).GetMethod(nameof(Configure), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(queryType);
        return configure.Invoke(null, [operation, properties, queryParameters, headers])!;
    }

    private static Action<RequestConfiguration<TQuery>> Configure<TQuery>(
        SpecOperation operation, List<(PropertyInfo Property, string Name)> properties, List<IOpenApiParameter> query, List<IOpenApiParameter> headers)
        where TQuery : class, new() => configuration =>
        {
            foreach (var parameter in query)
            {
                var property = properties.Single(candidate => candidate.Name == parameter.Name).Property;
                property.SetValue(configuration.QueryParameters, Convert(SpecOperation.ParameterText(parameter), property.PropertyType, operation));
            }

            foreach (var parameter in headers)
            {
                configuration.Headers.Add(parameter.Name!, SpecOperation.ParameterText(parameter));
            }
        };

    private static async Task<object?> BodyAsync(Type type, SpecOperation operation, CancellationToken cancellationToken)
    {
        var body = operation.RequestBodyExample
            ?? throw new InvalidOperationException($"{operation}: the Kiota method takes a {type.Name} body, and the spec has no request example.");
        var json = SpecJson.Compact(body);
        if (typeof(IParsable).IsAssignableFrom(type))
        {
            return await KiotaJsonSerializer.DeserializeAsync(type, json, cancellationToken).ConfigureAwait(false);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && typeof(IParsable).IsAssignableFrom(type.GetGenericArguments()[0]))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            foreach (var item in await KiotaJsonSerializer.DeserializeCollectionAsync(type.GetGenericArguments()[0], json, cancellationToken).ConfigureAwait(false))
            {
                list.Add(item);
            }

            return list;
        }

        return Convert(json, type, operation);
    }

    private static object? Convert(string text, Type type, SpecOperation operation)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            return text;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(text, target);
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new InvalidOperationException($"{operation}: the example '{text}' is not a {target.Name}, the type Kiota gave it.", exception);
        }
    }
}
