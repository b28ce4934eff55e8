using System.Web;

namespace ContactsSpec.Tests.Support;

/// <summary>Reads the fields of a recorded application/x-www-form-urlencoded body (WaSMS's POST routes).</summary>
public static class UrlEncodedForm
{
    public static Dictionary<string, string> Fields(RecordedRequest request)
    {
        Assert.That(request.Header("Content-Type"), Does.StartWith("application/x-www-form-urlencoded"), "a URL-encoded form");
        var parsed = HttpUtility.ParseQueryString(request.Body ?? string.Empty);
        return parsed.AllKeys.OfType<string>().ToDictionary(key => key, key => parsed[key]!, StringComparer.Ordinal);
    }
}
