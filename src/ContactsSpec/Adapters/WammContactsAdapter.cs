using System.Text.Json;
using ContactsSpec.Clients.Wamm;
using ContactsSpec.Internal;
using static ContactsSpec.Internal.ContactFieldInspector;

namespace ContactsSpec.Adapters;

/// <summary>WAMM.chat API2 (specs/wamm) through <see cref="WammClient"/>.</summary>
/// <remarks>
/// WAMM knows a contact by its phone (or Telegram chat id), so the domain's Id and Phone are one value here.
/// Every outcome, failures included, arrives in the body: <c>err</c> is 0 or an error text. The pages give no HTTP
/// status; the spec assumes 200 for both (x-assumption), and any other status is mapped by its own meaning.
/// </remarks>
internal sealed class WammContactsAdapter : ContactsAdapter
{
    // Limits from specs/wamm/openapi.yaml (contact_to's name, email and web parameters).
    internal const int MaxNameLength = 250;
    internal const int MaxEmailLength = 150;
    internal const int MaxWebLength = 150;

    // Every documented err text (contact_to, contact_get, contact_delete, contact_to_user), matched verbatim.
    // Field names the domain field an InvalidInput text is about, where that is evident.
    private static readonly Dictionary<string, (ContactsErrorKind Kind, string? Field)> ErrorTable = new(StringComparer.Ordinal)
    {
        ["token fail"] = (ContactsErrorKind.Authentication, null),
        // The account's messenger connection is not authorised: the token is fine, the account cannot act.
        ["acc not authorized"] = (ContactsErrorKind.PermissionDenied, null),
        ["phone fail"] = (ContactsErrorKind.InvalidInput, nameof(Contact.Phone)),
        ["no WhatsApp on the number"] = (ContactsErrorKind.NotOnChannel, null),
        ["no Account on the number"] = (ContactsErrorKind.NotOnChannel, null),
        // The presence check has not run yet; the spec says to retry.
        ["phone not checked for WhatsApp, please retry"] = (ContactsErrorKind.RetryLater, null),
        ["phone not checked, please retry"] = (ContactsErrorKind.RetryLater, null),
        ["name fail"] = (ContactsErrorKind.InvalidInput, nameof(Contact.Name)),
        ["name fail, more 250"] = (ContactsErrorKind.InvalidInput, nameof(Contact.Name)),
        ["web fail, more 150"] = (ContactsErrorKind.InvalidInput, nameof(Contact.Web)),
        ["email fail, more 150"] = (ContactsErrorKind.InvalidInput, nameof(Contact.Email)),
        ["not found"] = (ContactsErrorKind.NotFound, null),
        ["phone not found"] = (ContactsErrorKind.NotFound, null),
        // contact_to_user's answers: the adapter calls it after contact_to to assign a responsible user.
        ["user not found"] = (ContactsErrorKind.NotFound, null),
        ["user not active"] = (ContactsErrorKind.InvalidInput, null),
    };

    private readonly WammClient _client;

    public WammContactsAdapter(HttpClient httpClient, WammContactsOptions options)
        : base(options)
    {
        // The token is a path segment of every URL, set once on the client; ContactsErrorFactory redacts it from messages.
        _client = new WammClient(httpClient) { BaseUrl = options.BaseUri.ToString(), Token = options.Token };
    }

    public override ContactsCapabilities Capabilities { get; } = new()
    {
        Provider = ContactsProviders.Wamm,
        // No batch endpoints: MaxUpsertBatchSize and MaxDeleteBatchSize stay null and the facade fans out.
        // The registry declares which spec operation serves which facade operation.
        Operations = ContactsProviders.Find(ContactsProviders.Wamm).SupportedOperations,
        // FirstName and LastName are stored joined into the name (Contact.DisplayName). ResponsibleUserId is set by
        // a second call, contact_to_user, after contact_to has written the contact.
        StoredFields = new HashSet<ContactField>
        {
            ContactField.Id, ContactField.Phone, ContactField.Name, ContactField.FirstName, ContactField.LastName,
            ContactField.Email, ContactField.Web, ContactField.Notes, ContactField.ResponsibleUserId,
        },
        // contact_to adds or updates by phone.
        IdempotentUpsert = true,
    };

    public override void Validate(Contact contact, int index, ICollection<ContactFieldError> errors)
    {
        var phoneField = HasText(contact.Phone) || !HasText(contact.Id) ? nameof(Contact.Phone) : nameof(Contact.Id);
        ContactConstraints.Required(PhoneOf(contact), index, phoneField, errors);
        ContactConstraints.Digits(PhoneOf(contact), index, phoneField, errors);
        if (HasText(contact.Id) && HasText(contact.Phone) && !string.Equals(contact.Id, contact.Phone, StringComparison.Ordinal))
        {
            errors.Add(new ContactFieldError(index, nameof(Contact.Id), "for WAMM the id is the phone; Id and Phone differ"));
        }

        ContactConstraints.Required(contact.DisplayName, index, nameof(Contact.Name), errors);
        ContactConstraints.MaxLength(contact.DisplayName, MaxNameLength, index, nameof(Contact.Name), errors);
        ContactConstraints.NoControlCharacters(contact.DisplayName, index, nameof(Contact.Name), errors);
        ContactConstraints.MaxLength(contact.Email, MaxEmailLength, index, nameof(Contact.Email), errors);
        ContactConstraints.MaxLength(contact.Web, MaxWebLength, index, nameof(Contact.Web), errors);
        // A note may run over several lines; the query string carries them encoded.
        ContactConstraints.NoControlCharacters(contact.Notes, index, nameof(Contact.Notes), errors, allowLineBreaks: true);
        if (HasText(contact.ResponsibleUserId))
        {
            // A path segment of contact_to_user (a user id, or "none" to clear it).
            ContactConstraints.Id(contact.ResponsibleUserId, index, nameof(Contact.ResponsibleUserId), errors);
        }
    }

    public override Task<ContactWriteOutcome> UpsertOneAsync(Contact contact, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.Upsert), async () =>
        {
            // Blank optional values count as unset (as in ContactFieldInspector) and are not sent.
            var result = await _client.ContactToAsync(
                PhoneOf(contact)!, contact.DisplayName!, info: TextOrNull(contact.Notes), email: TextOrNull(contact.Email),
                web: TextOrNull(contact.Web), cancellationToken).ConfigureAwait(false);
            ThrowIfFailed(result.Err, nameof(ContactsOperations.Upsert));
            if (TextOrNull(contact.ResponsibleUserId) is { } userId)
            {
                // A second call: should it fail, the contact itself stands written, and the error says so. Retrying the
                // whole upsert is safe, contact_to being idempotent.
                var assigned = await _client.ContactToUserAsync(PhoneOf(contact)!, userId, cancellationToken).ConfigureAwait(false);
                ThrowIfFailed(assigned.Err, nameof(ContactsOperations.Upsert), "the contact was written, but assigning its responsible user failed");
            }

            return result.Result switch
            {
                "insert" => ContactWriteOutcome.Created,
                "update" => ContactWriteOutcome.Updated,
                _ => ContactWriteOutcome.Written,
            };
        }, cancellationToken);

    public override Task<Contact> GetAsync(string id, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.Get), async () =>
        {
            var response = await _client.ContactGetAsync(id, cancellationToken).ConfigureAwait(false);
            ThrowIfFailed(response.Err, nameof(ContactsOperations.Get));
            return response.Data is { } data
                ? FromWamm(data, id)
                : throw Errors.Provided(ContactsErrorKind.ProviderError, nameof(ContactsOperations.Get), 200, null, "the provider reported success without the contact's data");
        }, cancellationToken);

    public override Task DeleteOneAsync(string id, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.Delete), async () =>
        {
            // Success is err 0 (with result "delete"); the result word adds nothing to report.
            var result = await _client.ContactDeleteAsync(id, cancellationToken).ConfigureAwait(false);
            ThrowIfFailed(result.Err, nameof(ContactsOperations.Delete));
        }, cancellationToken);

    // WAMM documents no HTTP status (200 is the spec's assumption); anything else is judged by its status alone.
    protected override ContactsException? MapClientException(Exception exception, string operation) =>
        exception is WammClientException error ? FromClientFailure(error, operation, error.StatusCode, error.Headers) : null;

    internal static Contact FromWamm(WammContact contact, string requestedId)
    {
        // The phone is the id; should the answer omit it, the number asked for is the same contact.
        var phone = TextOrNull(contact.Phone) ?? requestedId;
        return new Contact
        {
            Id = phone,
            Phone = phone,
            Name = TextOrNull(contact.Name),
            Email = TextOrNull(contact.Email),
            Web = TextOrNull(contact.Web),
            Notes = TextOrNull(contact.Notes),
            ResponsibleUserId = UserIdOf(contact.User_id),
        };
    }

    // Phone first: it is what WAMM calls the field; Validate rejects an Id that says otherwise.
    private static string? PhoneOf(Contact contact) => TextOrNull(contact.Phone) ?? TextOrNull(contact.Id);

    // user_id's JSON type is undocumented: a number or a string; 0 or empty means none is assigned.
    private static string? UserIdOf(object? userId) => userId switch
    {
        JsonElement { ValueKind: JsonValueKind.Number } number => number.GetRawText() is var raw && raw != "0" ? raw : null,
        JsonElement { ValueKind: JsonValueKind.String } text => TextOrNull(text.GetString()),
        _ => null,
    };


    /// <summary>Throws the error an <c>err</c> value other than the number 0 stands for.</summary>
    private void ThrowIfFailed(object? err, string operation, string? description = null)
    {
        switch (err)
        {
            case JsonElement { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var code) && code == 0:
                return;
            case JsonElement { ValueKind: JsonValueKind.String } text:
                var message = text.GetString()!;
                var (kind, field) = ErrorTable.TryGetValue(message, out var known) ? known : (ContactsErrorKind.ProviderError, null);
                IReadOnlyList<ContactFieldError>? fieldErrors = kind == ContactsErrorKind.InvalidInput && field is not null
                    ? [new ContactFieldError(0, field, message)]
                    : null;
                throw Errors.Provided(kind, operation, 200, code: message, description, fieldErrors);
            case JsonElement other:
                throw Errors.Provided(ContactsErrorKind.ProviderError, operation, 200, null, $"undocumented err value {other.GetRawText()}");
            default:
                throw Errors.Provided(ContactsErrorKind.ProviderError, operation, 200, null, "the answer has no err value");
        }
    }
}
