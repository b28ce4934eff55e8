using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContactsSpec.Conformance.Hosting;
using ContactsSpec.Specs;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace ContactsSpec.Conformance.Verification;

/// <summary>
/// Checks a request from WireMock's log against the operation in the spec: method, path, query parameters,
/// credentials, content type and body schema. It judges validity by the spec, independently of the stub that
/// matched it.
/// </summary>
public static class RequestVerifier
{
    /// <summary>Every way the logged request breaks the spec; empty when it conforms.</summary>
    public static async Task<IReadOnlyList<string>> VerifyAsync(SpecOperation operation, RecordedRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        if (!string.Equals(request.Method, operation.Method, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"method is {request.Method}, the spec says {operation.Method.ToUpperInvariant()}");
        }

        VerifyPath(operation, request.Path, problems);
        VerifyQuery(operation, QueryHelpers.ParseQuery(request.Query), problems);
        var headers = Headers(request);
        VerifyCredentials(operation, headers, problems);
        await VerifyBodyAsync(operation, headers, request.Body, problems, cancellationToken).ConfigureAwait(false);
        return problems;
    }

    /// <summary>Whether the request's method and path are the operation's (path values not judged).</summary>
    public static bool FitsPath(SpecOperation operation, RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(request);
        return string.Equals(request.Method, operation.Method, StringComparison.OrdinalIgnoreCase)
            && PathPattern(operation, []).IsMatch(request.Path);
    }

    /// <summary>The operation's full path as a pattern: each <c>{parameter}</c> one segment, its name added to <paramref name="names"/>.</summary>
    internal static Regex PathPattern(SpecOperation operation, List<string> names)
    {
        var template = SpecCredentials.ServerBasePath(operation.Spec) + operation.Path;
        return new Regex("^" + Regex.Replace(Regex.Escape(template), @"\\\{([^}]+)}", match =>
        {
            names.Add(match.Groups[1].Value);
            return "([^/]+)";
        }) + "$", RegexOptions.CultureInvariant);
    }

    private static void VerifyPath(SpecOperation operation, string path, List<string> problems)
    {
        var template = SpecCredentials.ServerBasePath(operation.Spec) + operation.Path;
        var names = new List<string>();
        var match = PathPattern(operation, names).Match(path);
        if (!match.Success)
        {
            problems.Add($"path {path} does not fit {template}");
            return;
        }

        for (var index = 0; index < names.Count; index++)
        {
            var parameter = operation.ParametersIn(ParameterLocation.Path).Single(candidate => candidate.Name == names[index]);
            VerifyValue($"path parameter {parameter.Name}", Uri.UnescapeDataString(match.Groups[index + 1].Value), parameter.Schema, problems);
        }
    }

    private static void VerifyQuery(SpecOperation operation, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, List<string> problems)
    {
        var declared = operation.ParametersIn(ParameterLocation.Query).ToDictionary(parameter => parameter.Name!, StringComparer.Ordinal);
        foreach (var parameter in declared.Values.Where(parameter => parameter.Required && !query.ContainsKey(parameter.Name!)))
        {
            problems.Add($"required query parameter {parameter.Name} is missing");
        }

        foreach (var (name, values) in query)
        {
            if (!declared.TryGetValue(name, out var parameter))
            {
                problems.Add($"query parameter {name} is not in the spec");
                continue;
            }

            foreach (var value in values)
            {
                VerifyValue($"query parameter {name}", value ?? string.Empty, parameter.Schema, problems);
            }
        }
    }

    private static void VerifyCredentials(SpecOperation operation, Dictionary<string, string> headers, List<string> problems)
    {
        headers.TryGetValue("Authorization", out var authorization);
        if (SpecCredentials.ExampleBearerToken(operation.Spec) is null)
        {
            if (authorization is not null)
            {
                problems.Add("an Authorization header was sent, but the spec puts this provider's credentials elsewhere");
            }

            return;
        }

        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length == "Bearer ".Length)
        {
            problems.Add("the spec requires a bearer token in the Authorization header");
        }
    }

    private static async Task VerifyBodyAsync(
        SpecOperation operation, Dictionary<string, string> headers, byte[] body, List<string> problems, CancellationToken cancellationToken)
    {
        var requestBody = operation.RequestBodyContent;
        if (requestBody.Count == 0)
        {
            if (body.Length > 0)
            {
                problems.Add($"a body of {body.Length} bytes was sent, but the operation takes none");
            }

            return;
        }

        // The body is judged by the declared content type it was sent in.
        headers.TryGetValue("Content-Type", out var contentType);
        var parsed = MediaTypeHeaderValue.TryParse(contentType, out var header) ? header : null;
        var declared = requestBody.FirstOrDefault(entry => string.Equals(entry.Key, parsed?.MediaType.Value, StringComparison.OrdinalIgnoreCase));
        if (declared.Value is null)
        {
            problems.Add($"Content-Type is '{contentType}', the spec says {string.Join(" or ", requestBody.Keys)}");
            return;
        }

        var (mediaType, content) = declared;
        var schema = content.Schema ?? throw new InvalidDataException($"{operation}: the {mediaType} request body has no schema.");
        if (mediaType == "application/json")
        {
            JsonNode? json;
            try
            {
                json = JsonNode.Parse(body);
            }
            catch (System.Text.Json.JsonException error)
            {
                problems.Add($"body: not JSON ({error.Message})");
                return;
            }

            problems.AddRange(SpecSchemaValidator.Validate(schema, json).Select(error => $"body: {error}"));
            return;
        }

        var fields = mediaType == "application/x-www-form-urlencoded"
            ? ReadUrlEncodedFields(body, problems)
            : await ReadFormFieldsAsync(HeaderUtilities.RemoveQuotes(parsed!.Boundary).Value ?? string.Empty, body, cancellationToken).ConfigureAwait(false);
        foreach (var required in (schema.Required ?? new HashSet<string>()).Where(name => !fields.ContainsKey(name)))
        {
            problems.Add($"required form field {required} is missing");
        }

        foreach (var (name, value) in fields)
        {
            if (schema.Properties?.TryGetValue(name, out var property) != true)
            {
                problems.Add($"form field {name} is not in the spec");
                continue;
            }

            VerifyValue($"form field {name}", value, property, problems);
        }
    }

    private static Dictionary<string, string> ReadUrlEncodedFields(byte[] body, List<string> problems)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
        {
            if (values.Count > 1)
            {
                problems.Add($"form field {name} is sent {values.Count} times");
            }

            fields[name] = values.ToString();
        }

        return fields;
    }

    private static async Task<Dictionary<string, string>> ReadFormFieldsAsync(string boundary, byte[] body, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = new MemoryStream(body);
        var reader = new MultipartReader(boundary, stream);
        while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
        {
            var disposition = section.GetContentDispositionHeader();
            var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value ?? string.Empty;
            using var text = new StreamReader(section.Body, Encoding.UTF8);
            fields[name] = await text.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        return fields;
    }

    // A path, query or form value is text on the wire; the spec's schema says what JSON value it stands for.
    private static void VerifyValue(string what, string text, IOpenApiSchema? schema, List<string> problems)
    {
        if (schema is null)
        {
            return;
        }

        // The type without the null a nullable schema adds: the text stands for a value, not for null.
        var type = schema.Type & ~JsonSchemaType.Null;
        JsonNode? value = type switch
        {
            JsonSchemaType.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => integer,
            JsonSchemaType.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            JsonSchemaType.Boolean when bool.TryParse(text, out var flag) => flag,
            JsonSchemaType.Integer or JsonSchemaType.Number or JsonSchemaType.Boolean => null,
            _ => text,
        };
        if (value is null)
        {
            problems.Add($"{what} is '{text}', which is not a {type.ToString()!.ToLowerInvariant()}");
            return;
        }

        problems.AddRange(SpecSchemaValidator.Validate(schema, value).Select(error => $"{what}: {error}"));
    }

    private static Dictionary<string, string> Headers(RecordedRequest request) =>
        request.Headers.GroupBy(header => header.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => string.Join(", ", group.Select(header => header.Value)), StringComparer.OrdinalIgnoreCase);
}
