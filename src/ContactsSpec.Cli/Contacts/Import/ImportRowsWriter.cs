using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;

namespace ContactsSpec.Cli.Contacts.Import;

/// <summary>
/// Writes rows not imported (the rejected file) or sent with an unknown outcome (the unknown file), each as it was
/// read plus <c>_line</c> and <c>_reason</c>, in the input's format and CSV separator: fix the rejected rows and
/// import that file again (the importer ignores columns and keys starting with <c>_</c>); check the unknown ones at
/// the provider first. The rejected file is written only when it has rows, and one an earlier run left at its path
/// is removed, so that it always describes the last run. An unknown file is never overwritten or removed: it is the
/// only record of rows to check, so a run that has some writes them to the first free name beside the rejected file.
/// </summary>
internal static class ImportRowsWriter
{
    public const string LineField = "_line";
    public const string ReasonField = "_reason";
    public const string RawField = "_raw";

    private const string RejectedSuffix = ".rejected";
    private const string UnknownSuffix = ".unknown";

    public static string DefaultPath(string inputPath, ImportFormat format) =>
        Path.ChangeExtension(inputPath, RejectedSuffix + Extension(format));

    /// <summary>Whether two paths name one file (compared as the file system does: case-insensitively except on Linux).</summary>
    public static bool SamePath(string first, string second) =>
        string.Equals(Path.GetFullPath(first), Path.GetFullPath(second), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Writes the unknown rows beside the rejected file (<c>x.rejected.csv</c> gives <c>x.unknown.csv</c>), under the
    /// first name no file has (<c>x.unknown.2.csv</c>, ...), so that no earlier record, and never the input, is
    /// overwritten. Returns the path written.
    /// </summary>
    public static string WriteUnknown(string rejectedPath, string inputPath, ImportFile file, IReadOnlyCollection<ImportRow> rows)
    {
        var stem = Path.ChangeExtension(Path.GetFullPath(rejectedPath), null);
        stem = (stem.EndsWith(RejectedSuffix, StringComparison.Ordinal) ? stem[..^RejectedSuffix.Length] : stem) + UnknownSuffix;
        var extension = Extension(file.Format);
        var path = stem + extension;
        for (var number = 2; File.Exists(path) || SamePath(path, inputPath) || SamePath(path, rejectedPath); number++)
        {
            path = string.Create(CultureInfo.InvariantCulture, $"{stem}.{number}{extension}");
        }

        Write(path, file, rows);
        return path;
    }

    /// <summary>Writes <paramref name="rows"/> to <paramref name="path"/>; with none, removes what an earlier run left there. True when written.</summary>
    public static bool Write(string path, ImportFile file, IEnumerable<ImportRow> rows)
    {
        var ordered = rows.OrderBy(row => row.Line).ToList();
        if (ordered.Count == 0)
        {
            File.Delete(path);
            return false;
        }

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        if (file.Format == ImportFormat.Csv)
        {
            WriteCsv(path, file.Header ?? [], file.Separator, ordered);
        }
        else
        {
            WriteJsonLines(path, ordered);
        }

        return true;
    }

    private static string Extension(ImportFormat format) => format == ImportFormat.Csv ? ".csv" : ".jsonl";

    private static void WriteCsv(string path, IReadOnlyList<string> header, char separator, List<ImportRow> rows)
    {
        // The input's own _line/_reason columns (a rejected file imported again) are replaced, not repeated.
        var kept = Enumerable.Range(0, header.Count).Where(index => header[index] is not (LineField or ReasonField)).ToList();
        using var csv = CsvWriter.Create(new FileStream(path, FileMode.Create, FileAccess.Write), CsvWriterOptions.Default with { Separator = separator }, leaveOpen: false);
        foreach (var index in kept)
        {
            csv.WriteField(header[index]);
        }

        csv.WriteField(LineField);
        csv.WriteField(ReasonField);
        csv.EndRecord();
        foreach (var row in rows)
        {
            var fields = row.CsvFields ?? [];
            foreach (var index in kept)
            {
                csv.WriteField(index < fields.Count ? fields[index] : string.Empty);
            }

            csv.WriteField(row.Line.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(Reason(row));
            csv.EndRecord();
        }
    }

    // Each row as its own JSON object (or, where the line was no object, its text under _raw), then _line and _reason.
    private static void WriteJsonLines(string path, List<ImportRow> rows)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var row in rows)
        {
            json.WriteStartObject();
            using (var document = ParseObject(row.JsonText))
            {
                if (document is null)
                {
                    json.WriteString(RawField, row.JsonText);
                }
                else
                {
                    foreach (var field in document.RootElement.EnumerateObject().Where(field => field.Name is not (LineField or ReasonField)))
                    {
                        field.WriteTo(json);
                    }
                }
            }

            json.WriteNumber(LineField, row.Line);
            json.WriteString(ReasonField, Reason(row));
            json.WriteEndObject();
            json.Flush();
            file.WriteByte((byte)'\n');
            json.Reset();
        }
    }

    // The line as a JSON object, or null when it is none.
    private static JsonDocument? ParseObject(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Reason(ImportRow row) => row.Rejection is { } rejection ? $"{rejection.Stage}: {rejection.Reason}" : string.Empty;
}
