using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ContactsSpec.Internal;

/// <summary>Builds <see cref="ContactsException"/>s for one provider; every message passes through the redactor.</summary>
internal sealed class ContactsErrorFactory(string provider, SecretRedactor redactor, TimeProvider timeProvider)
{
    private const int ExcerptLength = 200;

    public string Provider => provider;

    public ContactsException NotSupported(string operation) =>
        new(ContactsErrorKind.NotSupported, provider, operation, $"{provider} does not support {operation}.");

    public ContactsException InvalidInput(string operation, IReadOnlyList<ContactFieldError> errors) =>
        new(ContactsErrorKind.InvalidInput, provider, operation,
            Redact($"{provider} {operation}: invalid input: {string.Join("; ", errors.Take(5))}{(errors.Count > 5 ? $"; and {errors.Count - 5} more" : string.Empty)}"),
            fieldErrors: errors);

    /// <summary>
    /// An error the provider reported, with its code verbatim. <c>retryable</c> overrides the retryability derived
    /// from the kind and the HTTP status, for a provider that reports the outcome in the body of an HTTP 200
    /// (WaSMS: a body status of 500).
    /// </summary>
    public ContactsException Provided(
        ContactsErrorKind kind, string operation, int? status, string? code, string? description = null,
        IReadOnlyList<ContactFieldError>? fieldErrors = null, TimeSpan? retryAfter = null, bool? retryable = null)
    {
        var detail = string.Join(": ", new[] { code, description }.Where(part => !string.IsNullOrWhiteSpace(part)));
        var statusText = status is { } value ? string.Create(CultureInfo.InvariantCulture, $" (HTTP {value})") : string.Empty;
        // A failed answer, or one whose only reason is its status (a wrong base URL's page, say), quotes the beginning
        // of its body; a documented error's code and description say enough.
        var body = kind == ContactsErrorKind.ProviderError || detail.Length == 0 ? BodyExcerpt() : string.Empty;
        var reason = detail.Length == 0 ? Meaning(kind) : Excerpt(Redact(detail));
        var separator = body.Length > 0 && !reason.EndsWith('.') && !reason.EndsWith('!') && !reason.EndsWith('?') ? "." : string.Empty;
        // The code stays verbatim, except for a credential a provider might echo in it.
        return new ContactsException(
            kind, provider, operation,
            Redact($"{provider} {operation} failed{statusText}: {reason}{separator}{body}"),
            status, code is null ? null : Redact(code), RedactFields(fieldErrors), retryable ?? IsRetryable(kind, status), retryAfter);
    }

    /// <summary>An error known only by its HTTP status (the provider documents no body for it).</summary>
    public ContactsException FromStatus(string operation, int status, string? code = null, string? description = null, TimeSpan? retryAfter = null) =>
        Provided(KindOf(status), operation, status, code, description, retryAfter: retryAfter);

    /// <summary>
    /// Anything that is not the provider's answer: connection failures, unreadable bodies, bodies over
    /// <see cref="ContactsClientOptions.MaxResponseBytes"/>. The message quotes the beginning of whatever body was read.
    /// </summary>
    public ContactsException FromException(Exception exception, string operation) => Find<RedirectRefusedException>(exception) is { } redirect
        ? Provided(ContactsErrorKind.ProviderError, operation, redirect.Status, code: null, redirect.Message, retryable: false)
        : Find<ResponseTooLargeException>(exception) switch
    {
        // Checked first: HttpContent wraps it in an HttpRequestException, which would read as a dropped connection.
        { } tooLarge =>
            new ContactsException(ContactsErrorKind.ProviderError, provider, operation,
                Redact($"{provider} {operation}: the answer is too large to read. {tooLarge.Message}{BodyExcerpt()}")),
        null => exception switch
        {
            HttpRequestException or SocketException or IOException =>
                new ContactsException(ContactsErrorKind.Transport, provider, operation,
                    Redact($"{provider} {operation}: the connection failed ({exception.GetType().Name}: {Excerpt(Redact(exception.Message))}){BodyExcerpt()}"),
                    isRetryable: true)
                {
                    RequestNotSent = exception is HttpRequestException
                    {
                        HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
                    },
                },
            JsonException =>
                new ContactsException(ContactsErrorKind.ProviderError, provider, operation,
                    Redact($"{provider} {operation}: the answer could not be read as the documented JSON ({Excerpt(Redact(exception.Message))}){BodyExcerpt()}")),
            _ => new ContactsException(ContactsErrorKind.ProviderError, provider, operation,
                    Redact($"{provider} {operation}: unexpected failure ({exception.GetType().Name}: {Excerpt(Redact(exception.Message))}){BodyExcerpt()}")),
        },
    };

    /// <summary>
    /// A write that is not safe to repeat failed in a way the provider may have acted on (<paramref name="cause"/>):
    /// not retryable, with the cause's status and code and the cause itself as the inner exception.
    /// </summary>
    public ContactsException OutcomeUnknown(string operation, ContactsException cause) =>
        new(ContactsErrorKind.OutcomeUnknown, provider, operation,
            $"{cause.Message} The outcome is unknown: {provider} may have carried out the {operation}. Check before sending it again, or it may be done twice.",
            cause.Status, cause.ProviderCode, cause.FieldErrors, isRetryable: false, innerException: cause);

    /// <summary>
    /// Whether <paramref name="error"/> leaves open that the provider acted: a request sent without an answer, or an
    /// answer that is a failure of the provider's own (5xx, an unreadable body, WaSMS's body status 500) rather than a
    /// refusal (4xx kinds, RetryLater) or a redirect.
    /// </summary>
    public static bool MayHaveActed(ContactsException error) => MayHaveActed(error.Kind, error.Status, error.RequestNotSent);

    /// <summary>The same rule for an error of <paramref name="kind"/> with <paramref name="status"/> (the conformance verifier's expectation).</summary>
    public static bool MayHaveActed(ContactsErrorKind kind, int? status, bool requestNotSent = false) => kind switch
    {
        ContactsErrorKind.Transport => !requestNotSent,
        ContactsErrorKind.ProviderError => status is not (>= 300 and < 500),
        _ => false,
    };

    public ContactsException TimedOut(string operation, TimeSpan limit, bool overall) =>
        new(ContactsErrorKind.Transport, provider, operation,
            string.Create(CultureInfo.InvariantCulture, $"{provider} {operation}: no answer within the {(overall ? "overall" : "per-attempt")} limit of {limit.TotalSeconds:0.###} s."),
            isRetryable: true);

    // What an answer that gives no reason of its own (a bare status) means, in words rather than the kind's name.
    private static string Meaning(ContactsErrorKind kind) => kind switch
    {
        ContactsErrorKind.Authentication => "the provider refused the credentials",
        ContactsErrorKind.PermissionDenied => "the credentials may not do this",
        ContactsErrorKind.InvalidInput => "the provider refused the input",
        ContactsErrorKind.NotFound => "not found (the id is unknown, or the base URL is not the provider's)",
        ContactsErrorKind.RetryLater => "the provider asks to be called again later",
        ContactsErrorKind.LimitExceeded => "a limit of the account was reached",
        ContactsErrorKind.ProviderError => "the provider failed without saying why",
        _ => kind.ToString(),
    };

    public static ContactsErrorKind KindOf(int status) => status switch
    {
        400 or 422 => ContactsErrorKind.InvalidInput,
        401 => ContactsErrorKind.Authentication,
        403 => ContactsErrorKind.PermissionDenied,
        404 => ContactsErrorKind.NotFound,
        429 => ContactsErrorKind.RetryLater,
        _ => ContactsErrorKind.ProviderError,
    };

    /// <summary>
    /// The Retry-After header (seconds or an HTTP date) from a generated client's response headers; a date already
    /// past is zero (the provider asks for no wait, and the retry's own backoff then applies).
    /// </summary>
    public TimeSpan? RetryAfter(IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        var value = headers?.FirstOrDefault(header => string.Equals(header.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date - timeProvider.GetUtcNow()) is { Ticks: > 0 } delay ? delay : TimeSpan.Zero
            : null;
    }

    private static bool IsRetryable(ContactsErrorKind kind, int? status) =>
        kind is ContactsErrorKind.RetryLater or ContactsErrorKind.Transport
        || (kind == ContactsErrorKind.ProviderError && status is >= 500 and not 501);

    private string Redact(string text) => redactor.Redact(text);

    private List<ContactFieldError>? RedactFields(IReadOnlyList<ContactFieldError>? errors) =>
        errors?.Select(error => error with { Field = Redact(error.Field), Message = Redact(error.Message) }).ToList();

    /// <summary>
    /// " The answer began: "..."" with the first <see cref="ExcerptLength"/> characters of the body read in this call
    /// (<see cref="ResponseCapture"/>), credentials redacted before it is cut, control and format characters
    /// blanked; empty when no body was read.
    /// </summary>
    private string BodyExcerpt()
    {
        if (ResponseCapture.Current?.Text() is not { } body || string.IsNullOrWhiteSpace(body))
        {
            return string.Empty;
        }

        // Blanked and with runs of white space collapsed, so that the excerpt shows text rather than indentation.
        var printable = new StringBuilder(Math.Min(body.Length, ResponseCapture.Capacity));
        foreach (var character in Redact(body))
        {
            var blank = char.IsWhiteSpace(character) || char.IsControl(character) || CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.Format;
            if (!blank || (printable.Length > 0 && printable[^1] != ' '))
            {
                printable.Append(blank ? ' ' : character);
            }
        }

        return $" The answer began: \"{Excerpt(printable.ToString().TrimEnd())}\"";
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Excerpt(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        if (flat.Length <= ExcerptLength)
        {
            return flat;
        }

        // Never cut a surrogate pair in two.
        var length = char.IsHighSurrogate(flat[ExcerptLength - 1]) ? ExcerptLength - 1 : ExcerptLength;
        return string.Concat(flat.AsSpan(0, length), "…");
    }
}
