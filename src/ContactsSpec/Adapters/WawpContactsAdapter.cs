using ContactsSpec.Clients.Wawp;
using ContactsSpec.Internal;
using static ContactsSpec.Internal.ContactFieldInspector;

namespace ContactsSpec.Adapters;

/// <summary>Wawp v2 (specs/wawp) through <see cref="WawpClient"/>.</summary>
/// <remarks>
/// Wawp has one contacts method: PUT a first and last name to a WhatsApp chat id in the instance phone's address
/// book. It creates or overwrites, and says only <c>{"ok": true}</c>.
/// </remarks>
internal sealed class WawpContactsAdapter : ContactsAdapter
{
    // A chat id looks like 123456789@c.us (https://api.wawp.net/en/docs/v2/contacts/{chatId}).
    internal const string ChatIdSuffix = "@c.us";

    private readonly WawpClient _client;

    public WawpContactsAdapter(HttpClient httpClient, WawpContactsOptions options)
        : base(options)
    {
        // Query parameters of every call, set once on the client; ContactsErrorFactory redacts the token from messages.
        _client = new WawpClient(httpClient)
        {
            BaseUrl = options.BaseUri.ToString(),
            InstanceId = options.InstanceId,
            AccessToken = options.AccessToken,
        };
    }

    public override ContactsCapabilities Capabilities { get; } = new()
    {
        Provider = ContactsProviders.Wawp,
        // Only the upsert exists; UpsertMany fans out single calls (no batch size).
        // The registry declares which spec operation serves which facade operation.
        Operations = ContactsProviders.Find(ContactsProviders.Wawp).SupportedOperations,
        // Phone is stored as the chat id it becomes when no Id is given.
        StoredFields = new HashSet<ContactField>
        {
            ContactField.Id, ContactField.Phone, ContactField.Name, ContactField.FirstName, ContactField.LastName,
        },
        // A PUT to the chat id: sending it twice leaves the same entry.
        IdempotentUpsert = true,
    };

    public override void Validate(Contact contact, int index, ICollection<ContactFieldError> errors)
    {
        if (HasText(contact.Id))
        {
            if (!IsChatId(contact.Id!))
            {
                errors.Add(new ContactFieldError(index, nameof(Contact.Id), $"must be a WhatsApp chat id: digits followed by '{ChatIdSuffix}' (e.g. 123456789{ChatIdSuffix})"));
            }
            else if (HasText(contact.Phone) && !string.Equals(contact.Id, ChatIdOf(contact.Phone!), StringComparison.Ordinal))
            {
                // Both name the contact; the request can carry only one, so a disagreement must not pass silently.
                errors.Add(new ContactFieldError(index, nameof(Contact.Id), "for Wawp the id is the phone's chat id; Id and Phone differ"));
            }
        }
        else if (HasText(contact.Phone))
        {
            ContactConstraints.Digits(StripPlus(contact.Phone!), index, nameof(Contact.Phone), errors);
        }
        else
        {
            errors.Add(new ContactFieldError(index, nameof(Contact.Id), $"is required (a chat id such as 123456789{ChatIdSuffix}), or give Phone"));
        }

        var (firstName, lastName) = NamesOf(contact);
        if (firstName is null && lastName is null)
        {
            errors.Add(new ContactFieldError(index, nameof(Contact.Name), "is required: give FirstName, LastName or Name"));
        }

        ContactConstraints.NoControlCharacters(contact.Name, index, nameof(Contact.Name), errors);
        ContactConstraints.NoControlCharacters(contact.FirstName, index, nameof(Contact.FirstName), errors);
        ContactConstraints.NoControlCharacters(contact.LastName, index, nameof(Contact.LastName), errors);
    }

    public override Task<ContactWriteOutcome> UpsertOneAsync(Contact contact, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.Upsert), async () =>
        {
            var (firstName, lastName) = NamesOf(contact);
            var chatId = HasText(contact.Id) ? contact.Id! : ChatIdOf(contact.Phone!);
            var answer = await _client.UpsertContactAsync(
                chatId, new ContactName { FirstName = firstName, LastName = lastName, AdditionalProperties = RequestModels.NoAdditionalProperties }, cancellationToken).ConfigureAwait(false);
            // The provider does not say whether the entry was new.
            return answer.Ok
                ? ContactWriteOutcome.Written
                : throw Errors.Provided(ContactsErrorKind.ProviderError, nameof(ContactsOperations.Upsert), 200, null, "the provider answered ok=false");
        }, cancellationToken);

    protected override ContactsException? MapClientException(Exception exception, string operation) =>
        exception is WawpClientException error ? FromClientFailure(error, operation, error.StatusCode, error.Headers) : null;

    /// <summary>
    /// The names to send. FirstName and LastName when either is given; otherwise Name as the first name, since Wawp
    /// has no display-name field and splitting a name into parts would be a guess. Blank parts are not sent.
    /// </summary>
    internal static (string? FirstName, string? LastName) NamesOf(Contact contact) =>
        HasText(contact.FirstName) || HasText(contact.LastName)
            ? (TextOrNull(contact.FirstName), TextOrNull(contact.LastName))
            : (TextOrNull(contact.Name), null);

    /// <summary>The chat id the contact goes to: its Id, or the WhatsApp chat id of its phone.</summary>
    public override string? WrittenId(Contact contact) => HasText(contact.Id) ? contact.Id : ChatIdOf(contact.Phone!);

    internal static string ChatIdOf(string phone) => StripPlus(phone) + ChatIdSuffix;

    internal static bool IsChatId(string value) =>
        value.EndsWith(ChatIdSuffix, StringComparison.Ordinal)
        && value.Length > ChatIdSuffix.Length
        && !value.AsSpan(0, value.Length - ChatIdSuffix.Length).ContainsAnyExceptInRange('0', '9');

    // Error bodies are undocumented (Wawp's public docs), so the status and its documented meaning are all there is.
    protected override ContactsException MapStatus(string operation, int status, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        var (kind, reason) = status switch
        {
            400 => (ContactsErrorKind.InvalidInput, "invalid parameter format"),
            401 => (ContactsErrorKind.Authentication, "invalid or missing access token"),
            // Not declared for this route; other Wawp routes use 403 for a quota or limit reached (Wawp's public docs).
            403 => (ContactsErrorKind.LimitExceeded, "quota or limit reached"),
            // ProviderError with a 5xx status is retryable (ContactsErrorFactory).
            500 => (ContactsErrorKind.ProviderError, "unexpected failure"),
            _ => (ContactsErrorFactory.KindOf(status), (string?)null),
        };
        return Errors.Provided(kind, operation, status, code: null, description: reason, retryAfter: Errors.RetryAfter(headers));
    }

    private static string StripPlus(string phone) => phone.StartsWith('+') ? phone[1..] : phone;

}
