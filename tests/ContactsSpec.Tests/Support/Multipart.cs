using System.Text.RegularExpressions;

namespace ContactsSpec.Tests.Support;

/// <summary>Reads the text fields of a recorded multipart/form-data body.</summary>
public static partial class Multipart
{
    public static Dictionary<string, string> Fields(RecordedRequest request)
    {
        var contentType = request.Header("Content-Type") ?? string.Empty;
        var boundary = BoundaryPattern().Match(contentType).Groups["boundary"].Value.Trim('"');
        Assert.That(boundary, Is.Not.Empty, "a multipart body has a boundary");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in request.Body!.Split("--" + boundary).Skip(1))
        {
            if (part.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var name = NamePattern().Match(part[..split]).Groups["name"].Value;
            fields[name] = part[(split + 4)..].TrimEnd('\r', '\n');
        }

        return fields;
    }

    [GeneratedRegex("boundary=(?<boundary>[^;]+)")]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex("""name="?(?<name>[^";\r\n]+)"?""")]
    private static partial Regex NamePattern();
}
