namespace ContactsSpec.Reliability.Tests.Support;

/// <summary>
/// The fault matrix as docs/RELIABILITY.md shows it (section 1): each case checks its own cell against it, so the
/// document says what the suite does, cell for cell.
/// </summary>
internal static class DocumentedFaultMatrix
{
    private const string HeaderStart = "| operation | ConnectionReset |";

    private static readonly Lazy<string[]> _lines = new(() => File.ReadAllLines(DocumentPath));
    private static readonly Lazy<IReadOnlyDictionary<(string Operation, string Fault), string>> _cells = new(Read);

    public static string DocumentPath => Path.Combine(ReliabilityRun.RepositoryRoot, "docs", "RELIABILITY.md");

    /// <summary>The document's lines, read once.</summary>
    public static IReadOnlyList<string> Lines => _lines.Value;

    /// <summary>Every cell, by operation (<c>provider/operationId</c>) and fault column.</summary>
    public static IReadOnlyDictionary<(string Operation, string Fault), string> Cells => _cells.Value;

    /// <summary>The documented cell for a case, or null when the table has none.</summary>
    public static string? Cell(string operation, FaultKind fault) => Cells.GetValueOrDefault((operation, fault.ToString()));

    private static Dictionary<(string, string), string> Read()
    {
        var lines = _lines.Value;
        var start = Array.FindIndex(lines, line => line.StartsWith(HeaderStart, StringComparison.Ordinal));
        if (start < 0)
        {
            throw new InvalidDataException($"{DocumentPath} has no fault-matrix table (a row starting '{HeaderStart}').");
        }

        var columns = Split(lines[start]);
        var cells = new Dictionary<(string, string), string>();
        // The header, the separator, then rows until the table ends.
        foreach (var line in lines.Skip(start + 2).TakeWhile(line => line.StartsWith('|')))
        {
            var row = Split(line);
            for (var column = 1; column < Math.Min(row.Count, columns.Count); column++)
            {
                cells[(row[0], columns[column])] = row[column];
            }
        }

        return cells;
    }

    private static List<string> Split(string line) => [.. line.Trim().Trim('|').Split('|').Select(cell => cell.Trim())];
}
