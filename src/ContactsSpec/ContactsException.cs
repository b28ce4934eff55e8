using System.Globalization;
using System.Text;

namespace ContactsSpec;

/// <summary>
/// The one exception the facade throws for a failed operation (cancellation aside, which stays an
/// <see cref="OperationCanceledException"/>). It carries the kind, the HTTP status and the provider's code
/// verbatim; it never carries credentials.
/// </summary>
public class ContactsException : Exception
{
    /// <summary>An error of the given kind.</summary>
    public ContactsException(
        ContactsErrorKind kind,
        string provider,
        string operation,
        string message,
        int? status = null,
        string? providerCode = null,
        IReadOnlyList<ContactFieldError>? fieldErrors = null,
        bool isRetryable = false,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Provider = provider;
        Operation = operation;
        Status = status;
        ProviderCode = providerCode;
        FieldErrors = fieldErrors ?? [];
        IsRetryable = isRetryable;
        RetryAfter = retryAfter;
    }

    /// <summary>For mocking and serialisation frameworks.</summary>
    protected ContactsException()
    {
        Provider = string.Empty;
        Operation = string.Empty;
        FieldErrors = [];
    }

    /// <summary>What went wrong.</summary>
    public ContactsErrorKind Kind { get; }

    /// <summary>The provider key.</summary>
    public string Provider { get; }

    /// <summary>The facade operation: the name of its <see cref="ContactsOperations"/> member (<c>Upsert</c>, <c>List</c>, ...).</summary>
    public string Operation { get; }

    /// <summary>The HTTP status of the provider's answer, when there was one.</summary>
    public int? Status { get; }

    /// <summary>The provider's error code or text, verbatim (<c>TOO_MACH_ENTITIES</c>, <c>token fail</c>).</summary>
    public string? ProviderCode { get; }

    /// <summary>Per-item field errors (validation, or the provider's own report such as Wazzup's <c>INVALID_CONTACTS_DATA</c>).</summary>
    public IReadOnlyList<ContactFieldError> FieldErrors { get; }

    /// <summary>Whether the same call may succeed later.</summary>
    public bool IsRetryable { get; }

    /// <summary>How long the provider asked to wait (<c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Set when the request certainly never left (no connection was made), so even a write that is not safe to repeat was not done.</summary>
    internal bool RequestNotSent { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{GetType().FullName} ({Kind}, {Provider} {Operation}");
        if (Status is { } status)
        {
            text.Append(CultureInfo.InvariantCulture, $", HTTP {status}");
        }

        if (ProviderCode is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $", code '{ProviderCode}'");
        }

        text.Append("): ").Append(Message);
        foreach (var error in FieldErrors)
        {
            text.AppendLine().Append("  ").Append(error);
        }

        if (InnerException is not null)
        {
            text.AppendLine().Append(" ---> ").Append(InnerException.GetType().FullName).Append(": ").Append(InnerException.Message);
        }

        return text.ToString();
    }
}
