using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactsSpec.Specs;

namespace ContactsSpec.Conformance.Invocation;

/// <summary>
/// Calls a generated client's operation with the spec's request examples. The method is found by the
/// operationId (NSwag names it <c>{OperationId}Async</c>) and each argument by its name, so a new operation or
/// example in a spec needs no new code here. A credential (<c>x-credential</c>) is no argument: the client holds it,
/// in the property named after it, which is set first.
/// </summary>
public static class GeneratedClientInvoker
{
    private const string BodyParameterName = "body";

    /// <summary>Calls the operation; what it returns or throws is the outcome, never rethrown.</summary>
    public static async Task<InvocationOutcome> InvokeAsync(object client, SpecOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(operation);
        var method = FindMethod(client.GetType(), operation);
        SetCredentials(client, operation);
        var arguments = method.GetParameters().Select(parameter => Argument(parameter, operation, cancellationToken)).ToArray();
        return await ReflectedCall.InvokeAsync(method, client, arguments).ConfigureAwait(false);
    }

    /// <summary>The generated method for an operation.</summary>
    public static MethodInfo FindMethod(Type clientType, SpecOperation operation)
    {
        ArgumentNullException.ThrowIfNull(clientType);
        ArgumentNullException.ThrowIfNull(operation);
        var name = char.ToUpperInvariant(operation.Id[0]) + operation.Id[1..] + "Async";
        return clientType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .SingleOrDefault(method => method.Name == name && method.GetParameters().LastOrDefault()?.ParameterType == typeof(CancellationToken))
            ?? throw new MissingMethodException($"{clientType.Name} has no {name}(..., CancellationToken) for operation {operation}.");
    }

    private static void SetCredentials(object client, SpecOperation operation)
    {
        foreach (var (name, _, value) in SpecCredentials.Of(operation))
        {
            var property = client.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .SingleOrDefault(candidate => candidate.CanWrite && candidate.PropertyType == typeof(string) && SameName(name, candidate.Name))
                ?? throw new InvalidOperationException($"{operation}: {client.GetType().Name} has no property for its credential '{name}'.");
            property.SetValue(client, value ?? throw new InvalidOperationException(
                $"{operation}: the request example gives no value for the credential '{name}' (specs/README.md, rule 3)."));
        }
    }

    private static object? Argument(ParameterInfo parameter, SpecOperation operation, CancellationToken cancellationToken)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        var specParameter = operation.Parameters.FirstOrDefault(candidate => SameName(candidate.Name ?? string.Empty, parameter.Name!));
        if (specParameter is not null)
        {
            return Convert(
                SpecJson.Normalize(specParameter.Example) ?? throw new InvalidOperationException($"Parameter '{specParameter.Name}' has no example (specs/README.md, rule 3)."),
                parameter.ParameterType);
        }

        var body = operation.RequestBodyExample;
        if (parameter.Name == BodyParameterName && body is not null)
        {
            return body.Deserialize(parameter.ParameterType);
        }

        // Form fields (form bodies) become one method parameter each.
        if (body is JsonObject form && form.FirstOrDefault(field => SameName(field.Key, parameter.Name!)) is { Key: not null } formField)
        {
            return Convert(formField.Value, parameter.ParameterType);
        }

        throw new InvalidOperationException(
            $"{operation}: the generated method's parameter '{parameter.Name}' matches no parameter, form field or body in the spec.");
    }

    // A string parameter takes the example's text; any other type, the example's JSON value.
    private static object? Convert(JsonNode? example, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target == typeof(string) ? SpecJson.Text(example) : example.Deserialize(target);
    }

    // NSwag keeps a parameter's spec name apart from characters C# cannot use; compare without separators.
    private static bool SameName(string specName, string clrName) =>
        string.Equals(Normalize(specName), Normalize(clrName), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
}
