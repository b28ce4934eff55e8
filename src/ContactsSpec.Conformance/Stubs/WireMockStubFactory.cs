using System.Text.Json.Nodes;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Conformance.Specs;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NSwag;

namespace ContactsSpec.Conformance.Stubs;

/// <summary>
/// Builds a standard WireMock JSON stub mapping for a conformance case, derived from the spec alone. The request
/// matcher accepts only what the spec calls a correct request carrying the spec's request examples: method, path
/// template with the example path values, query parameters, credentials in their documented place, content
/// type, and the body (the documented request example, exactly). For the facade, optional query parameters are
/// left to the facade (it chooses its own page size); the journal check still holds them to the spec.
/// </summary>
public static class WireMockStubFactory
{
    /// <summary>The mapping for one case run against <paramref name="target"/>.</summary>
    public static JsonObject Build(ConformanceCase @case, ConformanceTarget target = ConformanceTarget.GeneratedClient)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var tag = @case.RequestTag(target);
        var operation = @case.Operation;
        var request = new JsonObject
        {
            ["method"] = operation.Method.ToUpperInvariant(),
            ["urlPathTemplate"] = SpecCredentials.ServerBasePath(operation.Spec) + operation.Path,
        };

        var pathParameters = new JsonObject();
        var queryParameters = new JsonObject();
        var headers = new JsonObject { [ConformanceHeaders.CaseId] = EqualTo(tag) };
        foreach (var parameter in operation.Parameters)
        {
            var value = ParameterText(parameter);
            switch (parameter.Kind)
            {
                case OpenApiParameterKind.Path:
                    pathParameters[parameter.Name] = PathValue(value);
                    break;
                case OpenApiParameterKind.Query when target == ConformanceTarget.Facade && !parameter.IsRequired:
                    break;
                case OpenApiParameterKind.Query:
                    queryParameters[parameter.Name] = EqualTo(value);
                    break;
                case OpenApiParameterKind.Header:
                    headers[parameter.Name] = EqualTo(value);
                    break;
                default:
                    throw new NotSupportedException($"{operation}: parameters in '{parameter.Kind}' are not supported by the stub factory.");
            }
        }

        if (SpecCredentials.ExampleBearerToken(operation.Spec) is { } token)
        {
            headers["Authorization"] = EqualTo($"Bearer {token}");
        }

        AddBody(operation, request, headers);
        if (pathParameters.Count > 0)
        {
            request["pathParameters"] = pathParameters;
        }

        if (queryParameters.Count > 0)
        {
            request["queryParameters"] = queryParameters;
        }

        request["headers"] = headers;

        return new JsonObject
        {
            ["name"] = tag,
            ["request"] = request,
            ["response"] = Response(@case),
            ["metadata"] = new JsonObject { ["contactsspecCase"] = tag },
        };
    }

    /// <summary>The text a parameter's example is sent as: strings as they are, other values as their JSON.</summary>
    public static string ParameterText(OpenApiParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return ExampleText(parameter.Example is null ? null : JToken.FromObject(parameter.Example))
            ?? throw new InvalidOperationException($"Parameter '{parameter.Name}' has no example (specs/README.md, rule 3).");
    }

    private static string? ExampleText(JToken? token) => token switch
    {
        null => null,
        JValue { Type: JTokenType.String } text => (string?)text,
        _ => token.ToString(Formatting.None),
    };

    private static void AddBody(SpecOperation operation, JsonObject request, JsonObject headers)
    {
        var body = operation.Operation.RequestBody;
        if (body is null)
        {
            return;
        }

        var (mediaType, content) = body.Content.Single();
        var example = content.Example is null ? null : JToken.FromObject(content.Example);
        if (mediaType == "application/json")
        {
            headers["Content-Type"] = new JsonObject { ["matches"] = "application/json(;.*)?" };
            request["bodyPatterns"] = new JsonArray(new JsonObject
            {
                ["equalToJson"] = ToNode(example),
                ["ignoreArrayOrder"] = false,
                ["ignoreExtraElements"] = false,
            });
        }
        else if (mediaType == "multipart/form-data" && example is JObject form)
        {
            headers["Content-Type"] = new JsonObject { ["contains"] = "multipart/form-data" };
            request["multipartPatterns"] = new JsonArray([.. form.Properties().Select(field => (JsonNode)new JsonObject
            {
                ["matchingType"] = "ANY",
                ["headers"] = new JsonObject
                {
                    ["Content-Disposition"] = new JsonObject { ["matches"] = $".*name=\"?{System.Text.RegularExpressions.Regex.Escape(field.Name)}\"?(;.*)?" },
                },
                ["bodyPatterns"] = new JsonArray(EqualTo(ExampleText(field.Value) ?? string.Empty)),
            })]);
        }
        else
        {
            throw new NotSupportedException($"{operation}: request bodies of type '{mediaType}' are not supported by the stub factory.");
        }
    }

    private static JsonObject Response(ConformanceCase @case)
    {
        var response = new JsonObject { ["status"] = @case.Status };
        if (@case.ResponseBody is not null)
        {
            response["headers"] = new JsonObject { ["Content-Type"] = @case.MediaType };
            response["jsonBody"] = ToNode(@case.ResponseBody);
        }

        return response;
    }

    private static JsonObject EqualTo(string value) => new() { ["equalTo"] = value };

    // WireMock compares path parameters as they arrive, still percent-encoded; a client may encode a character
    // such as '@' or leave it as it is, and both are correct.
    private static JsonObject PathValue(string value)
    {
        var escaped = Uri.EscapeDataString(value);
        return escaped == value ? EqualTo(value) : new JsonObject { ["or"] = new JsonArray(EqualTo(value), EqualTo(escaped)) };
    }

    private static JsonNode? ToNode(JToken? token) => token is null ? null : JsonNode.Parse(token.ToString(Formatting.None));
}
