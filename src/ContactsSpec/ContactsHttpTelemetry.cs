using System.Diagnostics;
using ContactsSpec.Internal;

namespace ContactsSpec;

/// <summary>
/// Keeps credentials out of HTTP telemetry. .NET's HttpClient activity records <c>url.full</c> with its query masked
/// but its path as it is, and WAMM's token is a path segment; no library setting keeps it out of .NET's own
/// activity or its <c>System.Net.Http</c> events. For OpenTelemetry's HttpClient instrumentation:
/// <code>
/// .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = ContactsHttpTelemetry.RedactCredentials)
/// </code>
/// </summary>
public static class ContactsHttpTelemetry
{
    internal static readonly HttpRequestOptionsKey<SecretRedactor> RedactorKey = new("ContactsSpec.Redactor");

    /// <summary>
    /// For a request a <see cref="ContactsClient"/> sent, rewrites the activity's URL tags with its credentials
    /// masked (<c>***</c>); any other request is left alone.
    /// </summary>
    public static void RedactCredentials(Activity activity, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(RedactorKey, out var redactor))
        {
            return;
        }

        // url.full in current semantic conventions, http.url in the older ones some exporters still read.
        foreach (var tag in new[] { "url.full", "http.url" })
        {
            if (activity.GetTagItem(tag) is string url)
            {
                activity.SetTag(tag, redactor.Redact(url));
            }
        }

        activity.DisplayName = redactor.Redact(activity.DisplayName);
    }
}
