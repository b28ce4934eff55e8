using System.Text.Json;
using CsvHelper;

namespace ContactsSpec.Cli.Contacts.Import;

/// <summary>
/// An import file read whole: CSV with a header row (delimiter detected: comma, semicolon, tab), or JSON lines.
/// Columns and keys are the domain model's fields (see <see cref="ContactBuilder"/>); an unknown column fails the
/// whole file before anything is sent, a bad row is rejected with its reason. Blank lines are not rows.
/// </summary>
internal sealed class ImportFile
{
    private ImportFile(string path, ImportFormat format, IReadOnlyList<string>? header, char separator, IReadOnlyList<ImportRow> rows)
    {
        Path = path;
        Format = format;
        Header = header;
        Separator = separator;
        Rows = rows;
    }

    public string Path { get; }

    public ImportFormat Format { get; }

    /// <summary>The CSV header as read.</summary>
    public IReadOnlyList<string>? Header { get; }

    /// <summary>The CSV separator detected, so that files written from this one use it too.</summary>
    public char Separator { get; }

    public IReadOnlyList<ImportRow> Rows { get; }

    public static ImportFormat DetectFormat(string path, ImportFormat? format) =>
        format ?? System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" or ".tsv" or ".txt" => ImportFormat.Csv,
            ".jsonl" or ".ndjson" or ".json" => ImportFormat.Jsonl,
            var extension => throw CliException.Usage($"Cannot tell the format of '{path}' from its extension '{extension}': pass --format csv or --format jsonl."),
        };

    public static ImportFile Read(string path, ImportFormat format)
    {
        if (!File.Exists(path))
        {
            throw CliException.InvalidInput($"The import file '{path}' does not exist.");
        }

        try
        {
            return format == ImportFormat.Csv ? ReadCsv(path) : ReadJsonLines(path);
        }
        catch (IOException error)
        {
            throw CliException.InvalidInput($"Cannot read '{path}': {error.Message}", error);
        }
        catch (UnauthorizedAccessException error)
        {
            throw CliException.InvalidInput($"Cannot read '{path}': {error.Message}", error);
        }
    }

    private static ImportFile ReadCsv(string path)
    {
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            OnMalformedRecord = record => malformed.TryAdd(record.RecordNumber, record.Reason),
        };
        using var csv = CsvReader.FromFile(path, options);
        var header = csv.Headers;
        if (header is not { Count: > 0 } || header.All(string.IsNullOrWhiteSpace))
        {
            throw CliException.InvalidInput($"'{path}' is empty: a CSV import needs a header row naming the fields ({string.Join(", ", ContactBuilder.FieldNames.Where(name => name != "channels"))}).");
        }

        var unknown = header.Where(column => ContactBuilder.FieldFor(column) is null).ToList();
        if (unknown.Count > 0)
        {
            throw CliException.InvalidInput(
                $"'{path}': unknown column{(unknown.Count == 1 ? string.Empty : "s")} {string.Join(", ", unknown.Select(column => $"'{column}'"))}; the columns are the contact's fields: {string.Join(", ", ContactBuilder.FieldNames.Where(name => name != "channels"))} (columns starting with _ are ignored).");
        }

        var duplicated = header.Select(column => ContactBuilder.FieldFor(column)!).Where(field => field.Length > 0)
            .GroupBy(field => field).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        if (duplicated.Count > 0)
        {
            throw CliException.InvalidInput($"'{path}': more than one column for {string.Join(", ", duplicated)}.");
        }

        var rows = new List<ImportRow>();
        while (csv.Read())
        {
            var fields = new string[csv.FieldCount];
            for (var index = 0; index < fields.Length; index++)
            {
                fields[index] = csv.GetString(index) ?? string.Empty;
            }

            var row = new ImportRow((int)csv.LineNumber, fields, null);
            rows.Add(row);
            // The malformed-record callback counts records with the header as 1.
            if (malformed.TryGetValue(csv.RowNumber + 1, out var reason) && reason != CsvMalformedReason.FieldCountMismatch)
            {
                row.Reject("read", $"malformed CSV ({reason}: check the quotes)");
                continue;
            }

            if (fields.Length > header.Count)
            {
                row.Reject("read", $"the row has {fields.Length} fields, the header {header.Count}");
                continue;
            }

            var builder = new ContactBuilder();
            for (var index = 0; index < fields.Length; index++)
            {
                builder.Set(header[index], fields[index]);
            }

            Finish(row, builder);
        }

        return new ImportFile(path, ImportFormat.Csv, header, csv.Separator, rows);
    }

    private static ImportFile ReadJsonLines(string path)
    {
        var rows = new List<ImportRow>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var row = new ImportRow(number, null, line);
            rows.Add(row);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException error)
            {
                row.Reject("read", $"not a JSON object: {error.Message}" + (number == 1 && line.TrimStart().StartsWith('[') ? " (a JSON lines file has one contact object per line, not an array)" : string.Empty));
                continue;
            }

            using (document)
            {
                var builder = new ContactBuilder();
                builder.SetFromJson(document.RootElement);
                Finish(row, builder);
            }
        }

        return new ImportFile(path, ImportFormat.Jsonl, null, ',', rows);
    }

    private static void Finish(ImportRow row, ContactBuilder builder)
    {
        var contact = builder.Build();
        if (contact is null)
        {
            row.Reject("read", string.Join("; ", builder.Errors));
        }
        else
        {
            row.Contact = contact;
        }
    }
}
