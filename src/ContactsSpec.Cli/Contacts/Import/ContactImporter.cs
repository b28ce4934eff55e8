using System.Globalization;
using System.Text.RegularExpressions;
using ContactsSpec.Cli.Output;
using Spectre.Console;

namespace ContactsSpec.Cli.Contacts.Import;

/// <summary>
/// <c>contacts import FILE</c>: reads every row, validates every row with the facade's rules before sending any,
/// sends the valid ones with <see cref="ContactsClient.UpsertManyAsync"/> (in slices, for progress), and writes every
/// row certainly not imported, with its reason, to the rejected file, and every row sent whose outcome is unknown
/// (<see cref="ContactsErrorKind.OutcomeUnknown"/>) to the unknown file: importing those again could write them
/// twice. No row is silently lost: each one is counted as succeeded, rejected or unknown.
/// </summary>
internal static partial class ContactImporter
{
    private const int FanOutSlice = 20;
    private const string ProviderStage = "provider";

    public static async Task<int> RunAsync(
        CliConsole console, OutputFormat format, ConnectionSettings settings, string path, ImportFormat? formatOption, bool validateOnly, string? rejectedPath,
        CancellationToken cancellationToken)
    {
        var fileFormat = ImportFile.DetectFormat(path, formatOption);
        var file = ImportFile.Read(path, fileFormat);
        var rejectedFile = Path.GetFullPath(rejectedPath ?? ImportRowsWriter.DefaultPath(path, fileFormat));
        if (ImportRowsWriter.SamePath(rejectedFile, path))
        {
            throw CliException.Usage($"--rejected names the import file itself ('{path}'): pick another path, or the input would be overwritten.");
        }

        using var connection = await ProviderConnection.OpenAsync(settings, console, cancellationToken);
        var interrupted = false;
        try
        {
            await ValidateAndSendAsync(console, connection, file, validateOnly, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // SendAsync has marked what was in flight and what was never sent; the files below record it.
            interrupted = true;
        }

        var rejected = file.Rows.Where(row => row.IsRejected && !row.IsOutcomeUnknown).ToList();
        var unknown = file.Rows.Where(row => row.IsOutcomeUnknown).ToList();
        var invalid = rejected.Count(row => row.Rejection!.Stage != ProviderStage);
        // The unknown rows first: they are the record a user must not lose.
        var unknownFile = unknown.Count == 0 ? null : TryWrite(console, () => ImportRowsWriter.WriteUnknown(rejectedFile, path, file, unknown));
        var writtenRejected = TryWrite(console, () => ImportRowsWriter.Write(rejectedFile, file, rejected) ? rejectedFile : null);
        var document = new ImportDocument
        {
            Provider = settings.Provider,
            File = Path.GetFullPath(path),
            Format = fileFormat,
            ValidateOnly = validateOnly,
            Rows = file.Rows.Count,
            Invalid = invalid,
            Valid = file.Rows.Count - invalid,
            Sent = file.Rows.Count(row => row.Sent),
            Succeeded = validateOnly ? 0 : file.Rows.Count - rejected.Count - unknown.Count,
            Failed = rejected.Count - invalid,
            OutcomeUnknown = unknown.Count,
            RejectedFile = writtenRejected,
            OutcomeUnknownFile = unknownFile,
            Rejected = [.. rejected.Select(Problem)],
            OutcomeUnknownRows = [.. unknown.Select(Problem)],
        };

        console.Write(format, document, people => Print(people, document));
        if (interrupted)
        {
            throw new OperationCanceledException("The import was interrupted; the rows not imported are in the files above.", cancellationToken);
        }

        // Rows to check at the provider come first: a script must not import anything again before that.
        var providerFailure = rejected.FirstOrDefault(row => row.Rejection!.Error is not null)?.Rejection!.Error;
        return unknown.Count > 0 ? ExitCodes.OutcomeUnknown
            : providerFailure is not null ? providerFailure.ExitCode
            : rejected.Count > 0 ? ExitCodes.InvalidInput
            : ExitCodes.Success;
    }

    // A file that cannot be written must not cost the summary, which lists every row too.
    private static string? TryWrite(CliConsole console, Func<string?> write)
    {
        try
        {
            return write();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            console.Error.MarkupLine($"[red]Could not write a rows file:[/] {Markup.Escape(error.Message)} The rows are listed below.");
            return null;
        }
    }

    private static async Task ValidateAndSendAsync(CliConsole console, ProviderConnection connection, ImportFile file, bool validateOnly, CancellationToken cancellationToken)
    {
        if (console.ShowsProgress)
        {
            await console.Error.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var validating = context.AddTask($"Validating {file.Rows.Count} rows", maxValue: Math.Max(1, file.Rows.Count));
                    await ValidateAsync(connection, file, cancellationToken);
                    validating.Value = validating.MaxValue;
                    if (!validateOnly)
                    {
                        var valid = file.Rows.Count(row => !row.IsRejected);
                        var sending = context.AddTask($"Sending {valid} contacts to {connection.Provider}", maxValue: Math.Max(1, valid));
                        await SendAsync(connection, file, done => sending.Increment(done), cancellationToken);
                        sending.Value = sending.MaxValue;
                    }
                });
        }
        else
        {
            await ValidateAsync(connection, file, cancellationToken);
            if (!validateOnly)
            {
                await SendAsync(connection, file, null, cancellationToken);
            }
        }
    }

    private static ImportProblem Problem(ImportRow row) =>
        new(row.Line, row.Contact?.Id ?? row.Contact?.Phone, row.Rejection!.Stage, row.Rejection.Reason, row.Rejection.Error);

    private static async Task ValidateAsync(ProviderConnection connection, ImportFile file, CancellationToken cancellationToken)
    {
        var readable = file.Rows.Where(row => !row.IsRejected).ToList();
        var problems = ContactValidation.Validate(connection, [.. readable.Select(row => row.Contact!)]);
        foreach (var (index, reason) in problems)
        {
            // The facade names other items by their position in the batch ("repeats item 0's id"); a person reads lines.
            var text = ItemReference().Replace(reason, match =>
                int.TryParse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var item) && item >= 0 && item < readable.Count
                    ? $"line {readable[item].Line}"
                    : match.Value);
            readable[index].Reject("validation", text);
        }
    }

    private static async Task SendAsync(ProviderConnection connection, ImportFile file, Action<int>? progress, CancellationToken cancellationToken)
    {
        var valid = file.Rows.Where(row => !row.IsRejected).ToList();
        var capabilities = connection.Client.Capabilities;
        var slice = capabilities.MaxUpsertBatchSize is { } batch ? batch * 4 : FanOutSlice;
        ContactsException? stop = null;
        for (var start = 0; start < valid.Count; start += slice)
        {
            var rows = valid.GetRange(start, Math.Min(slice, valid.Count - start));
            if (stop is not null)
            {
                foreach (var row in rows)
                {
                    row.Reject(ProviderStage, $"not sent after an earlier failure every row would repeat: {Describe(stop)}", ErrorReporter.Describe(stop));
                }

                progress?.Invoke(rows.Count);
                continue;
            }

            ContactBatchResult result;
            try
            {
                result = await connection.Client.UpsertManyAsync(rows.Select(row => row.Contact!), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Interrupted(rows, valid.Skip(start + rows.Count), capabilities.IdempotentUpsert);
                throw;
            }
            catch (ContactsException error)
            {
                // The whole slice failed before any item result (for example validation the probe could not see).
                foreach (var row in rows)
                {
                    row.Reject(StageOf(error), Describe(error), ErrorReporter.Describe(error));
                }

                stop = error.Kind is ContactsErrorKind.Authentication or ContactsErrorKind.PermissionDenied or ContactsErrorKind.NotSupported ? error : null;
                progress?.Invoke(rows.Count);
                continue;
            }

            foreach (var item in result.Items.Where(item => item.Status != ContactBatchItemStatus.NotAttempted))
            {
                rows[item.Index].Sent = true;
            }

            foreach (var item in result.Items.Where(item => item.Status != ContactBatchItemStatus.Succeeded))
            {
                var error = item.Error!;
                var prefix = item.Status == ContactBatchItemStatus.NotAttempted ? "not sent after an earlier failure every row would repeat: " : string.Empty;
                rows[item.Index].Reject(StageOf(error), prefix + Describe(error), ErrorReporter.Describe(error));
                if (error.Kind is ContactsErrorKind.Authentication or ContactsErrorKind.PermissionDenied)
                {
                    stop ??= error;
                }
            }

            progress?.Invoke(rows.Count);
        }
    }

    /// <summary>
    /// Ctrl+C during a slice: its rows may have been written. Sending one again is harmless where the provider's
    /// upsert is idempotent, so those are rejected to send again; otherwise their outcome is unknown. Later rows were not sent.
    /// </summary>
    private static void Interrupted(List<ImportRow> inFlight, IEnumerable<ImportRow> notSent, bool idempotent)
    {
        foreach (var row in inFlight)
        {
            row.Sent = true;
            if (idempotent)
            {
                row.Reject(ProviderStage, "interrupted while being sent; sending it again is safe");
            }
            else
            {
                row.Reject(ImportRow.UnknownStage, "interrupted while being sent: it may have been written");
            }
        }

        foreach (var row in notSent)
        {
            row.Reject(ProviderStage, "not sent: the import was interrupted");
        }
    }

    private static string StageOf(ContactsException error) => error.Kind == ContactsErrorKind.OutcomeUnknown ? ImportRow.UnknownStage : ProviderStage;

    [GeneratedRegex(@"\bitem (\d+)\b")]
    private static partial Regex ItemReference();

    private static string Describe(ContactsException error)
    {
        // The message states the HTTP status already (ContactsErrorFactory).
        var details = new List<string> { error.Kind.ToString() };
        if (error.ProviderCode is { } code)
        {
            details.Add($"code '{code}'");
        }

        var fields = error.FieldErrors.Count == 0 ? string.Empty : " [" + string.Join("; ", error.FieldErrors.Select(field => $"{field.Field}: {field.Message}")) + "]";
        return $"{string.Join(", ", details)}: {error.Message}{fields}";
    }

    private static void Print(IAnsiConsole console, ImportDocument document)
    {
        var summary = new Table().Title($"[bold]Import into {Markup.Escape(document.Provider)}[/]{(document.ValidateOnly ? " (validate only: nothing sent)" : string.Empty)}")
            .Border(TableBorder.Rounded).AddColumn("rows").AddColumn(new TableColumn("count").RightAligned());
        summary.AddRow("read", $"{document.Rows}");
        summary.AddRow("valid", $"[green]{document.Valid}[/]");
        summary.AddRow("invalid (not sent)", document.Invalid == 0 ? "0" : $"[red]{document.Invalid}[/]");
        if (!document.ValidateOnly)
        {
            summary.AddRow("sent", $"{document.Sent}");
            summary.AddRow("imported", $"[green]{document.Succeeded}[/]");
            summary.AddRow("failed at the provider", document.Failed == 0 ? "0" : $"[red]{document.Failed}[/]");
            summary.AddRow("outcome unknown", document.OutcomeUnknown == 0 ? "0" : $"[yellow]{document.OutcomeUnknown}[/]");
        }

        console.Write(summary);
        WriteRows(console, "Rows not imported", document.Rejected);
        WriteRows(console, "Rows that may or may not have been imported", document.OutcomeUnknownRows);
        if (document.OutcomeUnknownFile is { } unknownFile)
        {
            console.MarkupLine($"[yellow]{document.OutcomeUnknown} row(s) were sent but {Markup.Escape(document.Provider)} may or may not have written them[/], listed in [bold]{Markup.Escape(unknownFile)}[/]: "
                + "check each at the provider before sending it again, or it may be written twice.");
        }

        console.MarkupLine(document.RejectedFile is { } rejectedFile
            ? $"[yellow]{document.Rejected.Count} row(s) not imported[/], each with its reason, in [bold]{Markup.Escape(rejectedFile)}[/]: fix them there and import that file again."
            : document.OutcomeUnknown == 0 ? $"[green]Every row was {(document.ValidateOnly ? "valid" : "imported")}.[/]" : "No row was rejected.");
    }

    private static void WriteRows(IAnsiConsole console, string title, IReadOnlyList<ImportProblem> problems)
    {
        const int Shown = 20;
        // The reason wraps at a width a person reads, on a terminal or in a file alike.
        const int ReasonWidth = 72;
        if (problems.Count == 0)
        {
            return;
        }

        var table = new Table().Title($"[bold]{title}[/]{(problems.Count > Shown ? $" (first {Shown} of {problems.Count})" : string.Empty)}")
            .Border(TableBorder.Rounded).AddColumn(new TableColumn("line").RightAligned()).AddColumn("key").AddColumn("stage")
            .AddColumn(new TableColumn("reason") { Width = ReasonWidth });
        foreach (var problem in problems.Take(Shown))
        {
            table.AddRow($"{problem.Line}", Markup.Escape(problem.Key ?? "-"), Markup.Escape(problem.Stage), Markup.Escape(problem.Reason));
        }

        console.Write(table);
    }
}
