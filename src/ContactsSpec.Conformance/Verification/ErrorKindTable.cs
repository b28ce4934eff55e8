using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactsSpec.Conformance.Verification;

/// <summary>
/// The error table of docs/ERRORS.md, read from the document itself so that the documentation and the facade
/// cannot drift apart: every row is an expectation the facade conformance cases check.
/// </summary>
public sealed class ErrorKindTable
{
    // The name docs/ERRORS.md is embedded under (ContactsSpec.Conformance.csproj).
    private const string EmbeddedResourceName = "docs/ERRORS.md";

    private const string Header = "| provider | status | code | kind | retryable |";

    private ErrorKindTable(IReadOnlyList<ErrorKindRow> rows)
    {
        Rows = rows;
    }

    /// <summary>The rows, in document order.</summary>
    public IReadOnlyList<ErrorKindRow> Rows { get; }

    /// <summary>Reads the table under its header in the Markdown file <paramref name="markdownPath"/>.</summary>
    public static ErrorKindTable Load(string markdownPath) => Parse(File.ReadAllText(markdownPath), markdownPath);

    /// <summary>The table of the docs/ERRORS.md this assembly was built with.</summary>
    public static ErrorKindTable LoadEmbedded()
    {
        using var stream = typeof(ErrorKindTable).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"The resource {EmbeddedResourceName} is missing from {typeof(ErrorKindTable).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), EmbeddedResourceName);
    }

    /// <summary>Reads the table under its header in <paramref name="markdown"/>; <paramref name="markdownPath"/> names it in errors.</summary>
    private static ErrorKindTable Parse(string markdown, string markdownPath)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        var start = Array.FindIndex(lines, line => line.Trim() == Header);
        if (start < 0)
        {
            throw new InvalidDataException($"{markdownPath} has no table headed '{Header}'.");
        }

        var rows = new List<ErrorKindRow>();
        foreach (var line in lines.Skip(start + 2).TakeWhile(line => line.StartsWith('|')))
        {
            var cells = line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
            if (cells.Length != 5)
            {
                throw new InvalidDataException($"{markdownPath}: a row needs 5 cells: {line}");
            }

            rows.Add(new ErrorKindRow(
                cells[0],
                int.Parse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture),
                cells[2] == "—" ? null : cells[2].Trim('`'),
                Enum.Parse<ContactsErrorKind>(cells[3]),
                cells[4] switch
                {
                    "yes" => true,
                    "no" => false,
                    _ => throw new InvalidDataException($"{markdownPath}: retryable must be yes or no: {line}"),
                }));
        }

        return new ErrorKindTable(rows);
    }

    /// <summary>
    /// The row a documented response falls under: same provider and status, and either the row's code appears as
    /// a top-level string of the body, or the row documents the status alone. Null when the response is a success.
    /// </summary>
    public ErrorKindRow? Match(string provider, int status, JsonNode? body)
    {
        var strings = body is JsonObject value
            ? value.Select(member => member.Value).OfType<JsonValue>().Where(member => member.GetValueKind() == JsonValueKind.String).Select(member => member.GetValue<string>()).ToHashSet(StringComparer.Ordinal)
            : [];
        var candidates = Rows.Where(row => row.Provider == provider && row.Status == status).ToList();
        return candidates.FirstOrDefault(row => row.Code is not null && strings.Contains(row.Code))
            ?? candidates.FirstOrDefault(row => row.Code is null);
    }
}
