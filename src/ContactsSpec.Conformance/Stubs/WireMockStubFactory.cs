using System.Text.RegularExpressions;
using ContactsSpec.Conformance.Cases;
using ContactsSpec.Specs;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ContactsSpec.Conformance.Stubs;

/// <summary>
/// Builds the WireMock.Net stub of a conformance case, derived from the spec alone. The request matcher accepts only
/// what the spec calls a correct request carrying the spec's request examples: method, path with the example path
/// values, query parameters, credentials in their documented place, content type, and the body (the documented
/// request example, exactly). A body declared in several content types (WaSMS's forms, multipart or URL-encoded) gets
/// a stub per content type, each holding the example to its own encoding. For the facade, optional query parameters are left to the facade (it chooses its own
/// page size); the request check still holds them to the spec.
/// </summary>
public static class WireMockStubFactory
{
    /// <summary>The stubs for one case run against <paramref name="target"/>: one per content type its request body may have (one without a body).</summary>
    /// <param name="case">The case whose documented response the stubs answer with.</param>
    /// <param name="target">Which caller the stubs are for.</param>
    /// <param name="caseTag">The <see cref="ConformanceHeaders.CaseId"/> to match; default: the case's own tag for the target.</param>
    /// <param name="title">The stubs' title; default: the tag.</param>
    public static IReadOnlyList<WireMockStub> Build(ConformanceCase @case, ConformanceTarget target = ConformanceTarget.NSwagClient, string? caseTag = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var mediaTypes = @case.Operation.RequestBodyContent.Keys.ToList();
        return mediaTypes.Count == 0
            ? [Build(@case, target, caseTag, title, mediaType: null)]
            : [.. mediaTypes.Select(mediaType => Build(@case, target, caseTag, title, mediaType))];
    }

    private static WireMockStub Build(ConformanceCase @case, ConformanceTarget target, string? caseTag, string? title, string? mediaType)
    {
        var tag = caseTag ?? @case.RequestTag(target);
        var operation = @case.Operation;
        var path = SpecCredentials.ServerBasePath(operation.Spec) + operation.Path;
        var request = Request.Create()
            .UsingMethod(operation.Method.ToUpperInvariant())
            .WithHeader(ConformanceHeaders.CaseId, new ExactMatcher(tag));
        foreach (var parameter in operation.Parameters)
        {
            var value = SpecOperation.ParameterText(parameter);
            switch (parameter.In)
            {
                case ParameterLocation.Path:
                    path = path.Replace($"{{{parameter.Name}}}", value, StringComparison.Ordinal);
                    break;
                case ParameterLocation.Query when target == ConformanceTarget.Facade && !parameter.Required:
                    break;
                case ParameterLocation.Query:
                    request.WithParam(parameter.Name!, new ExactMatcher(value));
                    break;
                case ParameterLocation.Header:
                    request.WithHeader(parameter.Name!, new ExactMatcher(value));
                    break;
                default:
                    throw new NotSupportedException($"{operation}: parameters in '{parameter.In}' are not supported by the stub factory.");
            }
        }

        // WireMock.Net matches the decoded path, so a client may percent-encode a character such as '@' in a path
        // value or leave it as it is; both are correct and both match.
        request.WithPath(new ExactMatcher(path));
        if (SpecCredentials.ExampleBearerToken(operation.Spec) is { } token)
        {
            request.WithHeader("Authorization", new ExactMatcher($"Bearer {token}"));
        }

        if (mediaType is not null)
        {
            AddBody(operation, mediaType, request);
        }

        return new WireMockStub(title ?? tag, request, Answer(@case));
    }

    private static void AddBody(SpecOperation operation, string mediaType, IRequestBuilder request)
    {
        var example = operation.RequestBodyExample;
        if (mediaType == "application/json")
        {
            request.WithHeader("Content-Type", new RegexMatcher("^application/json(;.*)?$"));
            // JsonMatcher compares parsed JSON: every member and array item, in order, nothing extra.
            request.WithBody(new JsonMatcher(SpecJson.Compact(example)));
        }
        else if (mediaType == "multipart/form-data" && example is JsonObject form)
        {
            request.WithHeader("Content-Type", new RegexMatcher("^multipart/form-data(;.*)?$"));
            // Every documented field must be there with its example value (And), not just one of them.
            IMatcher[] fields = [.. form.Select(field => (IMatcher)new MimePartMatcher(
                MatchBehaviour.AcceptOnMatch,
                contentTypeMatcher: null,
                contentDispositionMatcher: new RegexMatcher($"^form-data; name=\"?{Regex.Escape(field.Key)}\"?(;.*)?$"),
                contentTransferEncodingMatcher: null,
                contentMatcher: new ExactMatcher(SpecJson.Text(field.Value) ?? string.Empty)))];
            request.WithMultiPart(fields, MatchBehaviour.AcceptOnMatch, MatchOperator.And);
        }
        else if (mediaType == "application/x-www-form-urlencoded" && example is JsonObject urlEncoded)
        {
            request.WithHeader("Content-Type", new RegexMatcher("^application/x-www-form-urlencoded(;.*)?$"));
            // Every field the request sends must be a documented one with its example value, and every documented one
            // must be sent (And). The matcher decodes both sides; its values are wildcards, which no example uses.
            var pairs = string.Join('&', urlEncoded.Select(field =>
                $"{Uri.EscapeDataString(field.Key)}={Uri.EscapeDataString(SpecJson.Text(field.Value) ?? string.Empty)}"));
            request.WithBody(new FormUrlEncodedMatcher(MatchBehaviour.AcceptOnMatch, pairs, ignoreCase: false, MatchOperator.And));
        }
        else
        {
            throw new NotSupportedException($"{operation}: request bodies of type '{mediaType}' are not supported by the stub factory.");
        }
    }

    private static IResponseBuilder Answer(ConformanceCase @case)
    {
        var response = Response.Create().WithStatusCode(@case.Status);
        if (@case.ResponseBody is not null)
        {
            response.WithHeader("Content-Type", @case.MediaType ?? "application/json").WithBody(SpecJson.Compact(@case.ResponseBody));
        }

        return response;
    }
}
