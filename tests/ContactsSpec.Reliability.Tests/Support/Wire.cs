using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ContactsSpec.Conformance.Hosting;

namespace ContactsSpec.Reliability.Tests.Support;

/// <summary>Decodes what went on the wire (path segments, query, URL-encoded form) and checks where credentials travel.</summary>
internal static class Wire
{
    /// <summary>The path's segments, each percent-decoded.</summary>
    public static IReadOnlyList<string> Segments(string path) =>
        [.. path.TrimStart('/').Split('/').Select(Uri.UnescapeDataString)];

    /// <summary>The query's parameters in order, names and values percent-decoded.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Query(string query) =>
        [.. query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var parts = pair.Split('=', 2);
            return KeyValuePair.Create(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
        })];

    public static string? QueryValue(string query, string name) =>
        Query(query).Where(pair => pair.Key == name).Select(pair => pair.Value).SingleOrDefault();

    /// <summary>The fields of an application/x-www-form-urlencoded body in order, names and values decoded ('+' is a space).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Form(byte[] body, string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.MediaType != "application/x-www-form-urlencoded")
        {
            return [];
        }

        return [.. Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var parts = pair.Split('=', 2);
            return KeyValuePair.Create(WebUtility.UrlDecode(parts[0]), parts.Length > 1 ? WebUtility.UrlDecode(parts[1]) : string.Empty);
        })];
    }

    /// <summary>
    /// Where each provider's spec puts its credentials, checked on one request: the documented place holds exactly the
    /// credential, and no other place (path, query, any header, body) holds any part of it (its marker). Returns
    /// the violations, empty when the request is right.
    /// </summary>
    public static IReadOnlyList<string> CredentialViolations(string provider, RecordedRequest request, Credentials credentials)
    {
        var violations = new List<string>();
        var segments = Segments(request.Path);
        var query = Query(request.Query);
        var form = Form(request.Body, request.Header("Content-Type"));
        var places = new List<(string Place, string Value)>();
        places.AddRange(segments.Select((segment, index) => ($"path segment {index}", segment)));
        places.AddRange(query.Select(pair => ($"query {pair.Key}", pair.Value)));
        places.Add(("raw URL", request.PathAndQuery));
        places.AddRange(request.Headers.Select(header => ($"header {header.Key}", header.Value)));
        places.AddRange(form.Select(pair => ($"form field {pair.Key}", pair.Value)));
        places.Add(("body", Encoding.UTF8.GetString(request.Body)));

        // The documented places: each must hold exactly its credential, and is then taken off the list.
        void Expect(string place, string expected)
        {
            var found = places.FindIndex(candidate => candidate.Place == place);
            if (found < 0)
            {
                violations.Add($"{provider} {request.Method} {Shape(request.Path)}: no {place}");
                return;
            }

            if (places[found].Value != expected)
            {
                violations.Add($"{provider} {request.Method} {Shape(request.Path)}: {place} does not hold the credential exactly");
            }

            places.RemoveAt(found);
        }

        switch (provider)
        {
            case ContactsProviders.Wamm:
                // /api2/contact_xxx/{token}/...: the token is the segment after the route name.
                Expect($"path segment {segments.ToList().FindIndex(segment => segment.StartsWith("contact_", StringComparison.Ordinal)) + 1}", credentials.Secret);
                places.RemoveAll(place => place.Place == "raw URL");
                break;
            case ContactsProviders.Wawp:
                Expect("query access_token", credentials.Secret);
                Expect("query instance_id", credentials.InstanceId!);
                places.RemoveAll(place => place.Place == "raw URL");
                break;
            case ContactsProviders.Wasms when request.Method == "GET":
                Expect("query secret", credentials.Secret);
                places.RemoveAll(place => place.Place == "raw URL");
                break;
            case ContactsProviders.Wasms:
                Expect("form field secret", credentials.Secret);
                places.RemoveAll(place => place.Place == "body");
                break;
            default:
                Expect("header Authorization", "Bearer " + credentials.Secret);
                break;
        }

        foreach (var (place, value) in places)
        {
            foreach (var credential in credentials.All.Where(credential => credential.StartsWith("CSSEC", StringComparison.Ordinal) && credential.Length >= 21))
            {
                var marker = credential[..21];
                if (value.Contains(marker, StringComparison.Ordinal) || Uri.UnescapeDataString(value).Contains(marker, StringComparison.Ordinal))
                {
                    violations.Add($"{provider} {request.Method} {Shape(request.Path)}: a credential also travels in {place}");
                }
            }
        }

        return violations;
    }

    // The path without its credential-bearing segments, for messages.
    private static string Shape(string path) => string.Join('/', path.Split('/').Select(segment => segment.Contains("CSSEC", StringComparison.Ordinal) ? "{credential}" : segment));
}
