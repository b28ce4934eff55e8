using System.Reflection;
using System.Text.Json;
using ContactsSpec.Conformance.Specs;
using ContactsSpec.Conformance.Stubs;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ContactsSpec.Conformance.Invocation;

/// <summary>
/// Calls a generated client's operation with the spec's request examples. The method is found by the
/// operationId (NSwag names it <c>{OperationId}Async</c>) and each argument by its name, so a new operation or
/// example in a spec needs no new code here.
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

    private static object? Argument(ParameterInfo parameter, SpecOperation operation, CancellationToken cancellationToken)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        var specParameter = operation.Parameters.FirstOrDefault(candidate => SameName(candidate.Name, parameter.Name!));
        if (specParameter is not null)
        {
            return Convert(WireMockStubFactory.ParameterText(specParameter), specParameter.Example, parameter.ParameterType);
        }

        var body = operation.RequestBodyExample;
        if (parameter.Name == BodyParameterName && body is not null)
        {
            return System.Text.Json.JsonSerializer.Deserialize(body.ToString(Formatting.None), parameter.ParameterType);
        }

        // Form fields (multipart bodies) become one method parameter each.
        if (body is JObject form && form.Properties().FirstOrDefault(field => SameName(field.Name, parameter.Name!)) is { } formField)
        {
            return Convert(formField.Value.Type == JTokenType.String ? (string)formField.Value! : formField.Value.ToString(Formatting.None), formField.Value, parameter.ParameterType);
        }

        throw new InvalidOperationException(
            $"{operation}: the generated method's parameter '{parameter.Name}' matches no parameter, form field or body in the spec.");
    }

    private static object? Convert(string text, object? example, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            return text;
        }

        var json = example is null ? text : JToken.FromObject(example).ToString(Formatting.None);
        return System.Text.Json.JsonSerializer.Deserialize(json, target);
    }

    // NSwag keeps a parameter's spec name apart from characters C# cannot use; compare without separators.
    private static bool SameName(string specName, string clrName) =>
        string.Equals(Normalize(specName), Normalize(clrName), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
}
