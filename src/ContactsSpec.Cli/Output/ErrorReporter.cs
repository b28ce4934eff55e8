using Spectre.Console;

namespace ContactsSpec.Cli.Output;

/// <summary>Turns any failure into its exit code and prints it: as the JSON error document, or as text on standard error.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, CliConsole console, OutputFormat format)
    {
        var body = Describe(exception);
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(console.Json, new ErrorDocument(body));
        }
        else
        {
            var heading = body.Kind switch
            {
                CliErrorKinds.Usage => "usage error",
                CliErrorKinds.Failure => "error",
                CliErrorKinds.Cancelled => "cancelled",
                _ => $"{body.Kind}",
            };
            var details = new List<string>();
            // A facade error's message states its status already (ContactsErrorFactory); only other errors get it here.
            if (body.Status is { } status && body.Provider is null)
            {
                details.Add($"HTTP {status}");
            }

            if (body.Code is { } code)
            {
                details.Add($"code '{code}'");
            }

            if (body.Retryable == true)
            {
                details.Add(body.RetryAfterSeconds is { } wait ? $"retryable after {wait:0.#} s" : "retryable");
            }

            var suffix = details.Count == 0 ? string.Empty : $" ({string.Join(", ", details)})";
            console.Error.MarkupLine($"[red bold]{Markup.Escape(heading)}[/][red]{Markup.Escape(suffix)}:[/] {Markup.Escape(body.Message)}");
            // The facade's message already lists its field errors; the list is printed only for those it does not.
            foreach (var field in (body.FieldErrors ?? []).Where(field => !body.Message.Contains($"{field.Field}: {field.Message}", StringComparison.Ordinal)))
            {
                console.Error.MarkupLine($"  [yellow]item {field.Index}, {Markup.Escape(field.Field)}[/]: {Markup.Escape(field.Message)}");
            }
        }

        return body.ExitCode;
    }

    public static ErrorBody Describe(Exception exception) => exception switch
    {
        ContactsException error => new ErrorBody
        {
            Kind = error.Kind.ToString(),
            Code = error.ProviderCode,
            Status = error.Status,
            Message = error.Message,
            Provider = error.Provider,
            Operation = error.Operation,
            Retryable = error.IsRetryable,
            RetryAfterSeconds = error.RetryAfter?.TotalSeconds,
            FieldErrors = error.FieldErrors.Count == 0 ? null : [.. error.FieldErrors.Select(field => new FieldErrorDocument(field.Index, field.Field, field.Message))],
            ExitCode = ExitCodes.For(error.Kind),
        },
        CliException error => new ErrorBody { Kind = error.Kind, Message = error.Message, ExitCode = error.ExitCode },
        OperationCanceledException => new ErrorBody { Kind = CliErrorKinds.Cancelled, Message = "Interrupted.", ExitCode = ExitCodes.Cancelled },
        // The facade's options check: names the setting, never its value.
        ArgumentException error => new ErrorBody { Kind = CliErrorKinds.Usage, Message = error.Message, ExitCode = ExitCodes.Usage },
        _ => new ErrorBody { Kind = CliErrorKinds.Failure, Message = $"{exception.GetType().Name}: {exception.Message}", ExitCode = ExitCodes.Failure },
    };
}
