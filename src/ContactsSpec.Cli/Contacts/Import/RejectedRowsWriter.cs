using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;

namespace ContactsSpec.Cli.Contacts.Import;

/// <summary>
/// Writes every rejected row, as it was read plus <c>_line</c> and <c>_reason</c>, in the input's format: fix the rows
/// and import the file again (the importer ignores columns and keys starting with <c>_</c>). The file is written on
/// every import, so that it always describes the last run; with nothing rejected it holds only the header (CSV)
/// or nothing (JSON lines).
/// </summary>
internal static class RejectedRowsWriter
{
    public const string LineField = "_line";
    public const string ReasonField = "_reason";
    public const string RawField = "_raw";

    public static string DefaultPath(string inputPath, ImportFormat format) =>
        Path.ChangeExtension(inputPath, format == ImportFormat.Csv ? ".rejected.csv" : ".rejected.jsonl");

    public static void Write(string path, ImportFile file, IEnumerable<ImportRow> rejected)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var rows = rejected.OrderBy(row => row.Line).ToList();
        if (file.Format == ImportFormat.Csv)
        {
            WriteCsv(path, file.Header ?? [], rows);
        }
        else
        {
            WriteJsonLines(path, rows);
        }
    }

    private static void WriteCsv(string path, IReadOnlyList<string> header, List<ImportRow> rows)
    {
        // The input's own _line/_reason columns (a rejected file imported again) are replaced, not repeated.
        var kept = Enumerable.Range(0, header.Count).Where(index => header[index] is not (LineField or ReasonField)).ToList();
        using var csv = CsvWriter.Create(new FileStream(path, FileMode.Create, FileAccess.Write), CsvWriterOptions.Default, leaveOpen: false);
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

    private static void WriteJsonLines(string path, List<ImportRow> rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        foreach (var row in rows)
        {
            var line = row.JsonObject() ?? new JsonObject { [RawField] = row.JsonText };
            line.Remove(LineField);
            line.Remove(ReasonField);
            line[LineField] = row.Line;
            line[ReasonField] = Reason(row);
            writer.WriteLine(line.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }
    }

    private static string Reason(ImportRow row) => row.Rejection is { } rejection ? $"{rejection.Stage}: {rejection.Reason}" : string.Empty;
}
