using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

namespace ContactsSpec.Internal;

/// <summary>Builds <see cref="ContactsException"/>s for one provider; every message passes through the redactor.</summary>
internal sealed class ContactsErrorFactory(string provider, SecretRedactor redactor)
{
    private const int ExcerptLength = 200;

    public string Provider => provider;

    public SecretRedactor Redactor => redactor;

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
        return new ContactsException(
            kind, provider, operation,
            Redact($"{provider} {operation} failed{statusText}: {(detail.Length == 0 ? kind.ToString() : Excerpt(detail))}"),
            status, code, fieldErrors, retryable ?? IsRetryable(kind, status), retryAfter);
    }

    /// <summary>An error known only by its HTTP status (the provider documents no body for it).</summary>
    public ContactsException FromStatus(string operation, int status, string? code = null, string? description = null, TimeSpan? retryAfter = null) =>
        Provided(KindOf(status), operation, status, code, description, retryAfter: retryAfter);

    /// <summary>Anything that is not the provider's answer: connection failures, unreadable bodies.</summary>
    public ContactsException FromException(Exception exception, string operation) => exception switch
    {
        HttpRequestException or SocketException or IOException =>
            new ContactsException(ContactsErrorKind.Transport, provider, operation,
                Redact($"{provider} {operation}: the connection failed ({exception.GetType().Name}: {Excerpt(exception.Message)})"),
                isRetryable: true),
        JsonException =>
            new ContactsException(ContactsErrorKind.ProviderError, provider, operation,
                Redact($"{provider} {operation}: the answer could not be read as the documented JSON ({Excerpt(exception.Message)})")),
        _ => new ContactsException(ContactsErrorKind.ProviderError, provider, operation,
                Redact($"{provider} {operation}: unexpected failure ({exception.GetType().Name}: {Excerpt(exception.Message)})")),
    };

    public ContactsException TimedOut(string operation, TimeSpan limit, bool overall) =>
        new(ContactsErrorKind.Transport, provider, operation,
            string.Create(CultureInfo.InvariantCulture, $"{provider} {operation}: no answer within the {(overall ? "overall" : "per-attempt")} limit of {limit.TotalSeconds:0.###} s."),
            isRetryable: true);

    public static ContactsErrorKind KindOf(int status) => status switch
    {
        400 or 422 => ContactsErrorKind.InvalidInput,
        401 => ContactsErrorKind.Authentication,
        403 => ContactsErrorKind.PermissionDenied,
        404 => ContactsErrorKind.NotFound,
        429 => ContactsErrorKind.RetryLater,
        _ => ContactsErrorKind.ProviderError,
    };

    /// <summary>The Retry-After header (seconds or an HTTP date) from a generated client's response headers.</summary>
    public static TimeSpan? RetryAfter(IReadOnlyDictionary<string, IEnumerable<string>>? headers)
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
            ? (date - DateTimeOffset.UtcNow) is { Ticks: > 0 } delay ? delay : TimeSpan.Zero
            : null;
    }

    private static bool IsRetryable(ContactsErrorKind kind, int? status) =>
        kind is ContactsErrorKind.RetryLater or ContactsErrorKind.Transport
        || (kind == ContactsErrorKind.ProviderError && status is >= 500 and not 501);

    private string Redact(string text) => redactor.Redact(text);

    private static string Excerpt(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= ExcerptLength ? flat : string.Concat(flat.AsSpan(0, ExcerptLength), "…");
    }
}
