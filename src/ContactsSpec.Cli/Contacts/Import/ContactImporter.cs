using System.Globalization;
using System.Text.RegularExpressions;
using ContactsSpec.Cli.Output;
using Spectre.Console;

namespace ContactsSpec.Cli.Contacts.Import;

/// <summary>
/// <c>contacts import FILE</c>: reads every row, validates every row with the facade's rules before sending any,
/// sends the valid ones with <see cref="ContactsClient.UpsertManyAsync"/> (in slices, for progress), and writes every
/// row not imported, with its reason, to the rejected file. No row is silently lost: each one is counted as
/// succeeded or rejected.
/// </summary>
internal static partial class ContactImporter
{
    private const int FanOutSlice = 20;

    public static async Task<int> RunAsync(
        CliConsole console, OutputFormat format, ConnectionSettings settings, string path, ImportFormat? formatOption, bool validateOnly, string? rejectedPath,
        CancellationToken cancellationToken)
    {
        var fileFormat = ImportFile.DetectFormat(path, formatOption);
        var file = ImportFile.Read(path, fileFormat);
        var rejectedFile = Path.GetFullPath(rejectedPath ?? RejectedRowsWriter.DefaultPath(path, fileFormat));
        using var connection = await ProviderConnection.OpenAsync(settings, console, cancellationToken);

        var sent = 0;
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
                        var sending = context.AddTask($"Sending {valid} contacts to {settings.Provider}", maxValue: Math.Max(1, valid));
                        sent = await SendAsync(connection, file, done => sending.Increment(done), cancellationToken);
                        sending.Value = sending.MaxValue;
                    }
                });
        }
        else
        {
            await ValidateAsync(connection, file, cancellationToken);
            if (!validateOnly)
            {
                sent = await SendAsync(connection, file, null, cancellationToken);
            }
        }

        var rejected = file.Rows.Where(row => row.IsRejected).ToList();
        RejectedRowsWriter.Write(rejectedFile, file, rejected);
        var document = new ImportDocument
        {
            Provider = settings.Provider,
            File = Path.GetFullPath(path),
            Format = fileFormat,
            ValidateOnly = validateOnly,
            Rows = file.Rows.Count,
            Invalid = rejected.Count(row => row.Rejection!.Stage != "provider"),
            Valid = file.Rows.Count - rejected.Count(row => row.Rejection!.Stage != "provider"),
            Sent = sent,
            Succeeded = validateOnly ? 0 : file.Rows.Count - rejected.Count,
            Failed = rejected.Count(row => row.Rejection!.Stage == "provider"),
            RejectedFile = rejectedFile,
            Rejected = [.. rejected.Select(row => new ImportProblem(row.Line, row.Contact?.Id ?? row.Contact?.Phone, row.Rejection!.Stage, row.Rejection.Reason, row.Rejection.Error))],
        };

        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(console.Json, document);
        }
        else
        {
            Print(console.Out, document);
        }

        var providerFailure = rejected.FirstOrDefault(row => row.Rejection!.Error is not null)?.Rejection!.Error;
        return providerFailure is not null ? providerFailure.ExitCode
            : rejected.Count > 0 ? ExitCodes.InvalidInput
            : ExitCodes.Success;
    }

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

    private static async Task<int> SendAsync(ProviderConnection connection, ImportFile file, Action<int>? progress, CancellationToken cancellationToken)
    {
        var valid = file.Rows.Where(row => !row.IsRejected).ToList();
        var capabilities = connection.Client.Capabilities;
        var slice = capabilities.MaxUpsertBatchSize is { } batch ? batch * 4 : FanOutSlice;
        var sent = 0;
        ContactsException? stop = null;
        for (var start = 0; start < valid.Count; start += slice)
        {
            var rows = valid.GetRange(start, Math.Min(slice, valid.Count - start));
            if (stop is not null)
            {
                foreach (var row in rows)
                {
                    row.Reject("provider", $"not sent after an earlier failure every row would repeat: {Describe(stop)}", ErrorReporter.Describe(stop));
                }

                progress?.Invoke(rows.Count);
                continue;
            }

            ContactBatchResult result;
            try
            {
                result = await connection.Client.UpsertManyAsync(rows.Select(row => row.Contact!), cancellationToken);
            }
            catch (ContactsException error)
            {
                // The whole slice failed before any item result (for example validation the probe could not see).
                foreach (var row in rows)
                {
                    row.Reject("provider", Describe(error), ErrorReporter.Describe(error));
                }

                stop = error.Kind is ContactsErrorKind.Authentication or ContactsErrorKind.PermissionDenied or ContactsErrorKind.NotSupported ? error : null;
                progress?.Invoke(rows.Count);
                continue;
            }

            sent += result.Items.Count(item => item.Status != ContactBatchItemStatus.NotAttempted);
            foreach (var item in result.Items.Where(item => item.Status != ContactBatchItemStatus.Succeeded))
            {
                var error = item.Error!;
                var prefix = item.Status == ContactBatchItemStatus.NotAttempted ? "not sent after an earlier failure every row would repeat: " : string.Empty;
                rows[item.Index].Reject("provider", prefix + Describe(error), ErrorReporter.Describe(error));
                if (error.Kind is ContactsErrorKind.Authentication or ContactsErrorKind.PermissionDenied)
                {
                    stop ??= error;
                }
            }

            progress?.Invoke(rows.Count);
        }

        return sent;
    }

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
        }

        console.Write(summary);
        if (document.Rejected.Count > 0)
        {
            const int Shown = 20;
            var table = new Table().Title($"[bold]Rows not imported[/]{(document.Rejected.Count > Shown ? $" (first {Shown} of {document.Rejected.Count})" : string.Empty)}")
                .Border(TableBorder.Rounded).AddColumn(new TableColumn("line").RightAligned()).AddColumn("key").AddColumn("stage").AddColumn("reason");
            foreach (var problem in document.Rejected.Take(Shown))
            {
                table.AddRow($"{problem.Line}", Markup.Escape(problem.Key ?? "-"), Markup.Escape(problem.Stage), Markup.Escape(problem.Reason));
            }

            console.Write(table);
        }

        console.MarkupLine(document.Rejected.Count == 0
            ? $"[green]Every row was {(document.ValidateOnly ? "valid" : "imported")}.[/] Rejected rows file (empty): {Markup.Escape(document.RejectedFile)}"
            : $"[yellow]{document.Rejected.Count} row(s) not imported[/], each with its reason, in [bold]{Markup.Escape(document.RejectedFile)}[/]: fix them there and import that file again.");
    }
}
