using System.Globalization;
using System.Text.Json;
using ContactsSpec.Clients.Wasms;
using ContactsSpec.Internal;

namespace ContactsSpec.Adapters;

/// <summary>WaSMS.Net (specs/wasms) through <see cref="WasmsClient"/>.</summary>
internal sealed class WasmsContactsAdapter : ContactsAdapter
{
    // get/contacts and get/groups take any limit (the spec states no maximum; 10 when omitted): 100 a page keeps
    // listings to few requests, as on the other providers.
    internal const int PageSize = 100;

    // The body's status says how the call went, 200 meaning success (body codes:
    // https://wasms.net/clientarea/knowledgebase/4/Contacts.html). The HTTP status is assumed to be 200 every time:
    // the page gives none, and the public code of the gateway script WaSMS runs very likely answers 200 (see the
    // x-assumption in specs/wasms/openapi.yaml).

    // The one body-400 message that is not the caller's input at fault but the account's quota (from the gateway
    // script's public code, see specs/wasms/openapi.yaml).
    private const string ContactLimitMessage = "You have reached the maximum allowed contacts!";

    private readonly WasmsClient _client;

    public WasmsContactsAdapter(HttpClient httpClient, WasmsContactsOptions options)
        : base(options)
    {
        // Not a security scheme: the secret is an ordinary parameter of every route (query on GET, form on POST), set
        // once on the client. Options.Validate() has required it before any adapter is built.
        _client = new WasmsClient(httpClient) { BaseUrl = options.BaseUri.ToString(), Secret = options.Secret };
    }

    // WaSMS assigns contact ids and its create answer does not return one.
    public override string? WrittenId(Contact contact) => null;

    public override ContactsCapabilities Capabilities { get; } = new()
    {
        Provider = ContactsProviders.Wasms,
        // No batch routes (the batch sizes stay null, so the facade fans many-item calls out) and no read-one route.
        // The registry declares which spec operation serves which facade operation.
        Operations = ContactsProviders.Find(ContactsProviders.Wasms).SupportedOperations,
        // No Id: WaSMS assigns its own numeric id, so one set by the caller is not stored. First and last name
        // are stored as the display name they are joined into.
        StoredFields = new HashSet<ContactField>
        {
            ContactField.Name, ContactField.FirstName, ContactField.LastName, ContactField.Phone, ContactField.Groups,
        },
        ListPageSize = PageSize,
        // create/contact creates a new contact on every call (there is no update), so sending it twice may make
        // two contacts: the facade therefore never retries it after a failure that may have reached WaSMS.
        IdempotentUpsert = false,
    };

    public override void Validate(Contact contact, int index, ICollection<ContactFieldError> errors)
    {
        // phone is E.164 ("+923012345678") or local digits; the spec allows both, so an optional '+' then digits.
        ContactConstraints.Required(contact.Phone, index, nameof(Contact.Phone), errors);
        if (!string.IsNullOrWhiteSpace(contact.Phone) && !IsPhone(contact.Phone))
        {
            errors.Add(new ContactFieldError(index, nameof(Contact.Phone), "must be digits, optionally after a leading '+' (no spaces or other characters)"));
        }

        // The server's minimum name length ("Contact name is too short!") is undocumented, so none is checked here.
        ContactConstraints.Required(contact.DisplayName, index, nameof(Contact.Name), errors);
        ContactConstraints.NoControlCharacters(contact.DisplayName, index, nameof(Contact.Name), errors);

        // groups is optional (the page does not require it); each id given names an existing group by number.
        // The ids travel comma-joined, so digits only also keeps one id from splitting into two.
        for (var position = 0; position < contact.Groups.Count; position++)
        {
            var group = contact.Groups[position];
            var field = string.Create(CultureInfo.InvariantCulture, $"{nameof(Contact.Groups)}[{position}]");
            ContactConstraints.Required(group, index, field, errors);
            if (!string.IsNullOrWhiteSpace(group) && !group.All(char.IsAsciiDigit))
            {
                errors.Add(new ContactFieldError(index, field, "must be a numeric group id"));
            }
        }
    }

    public override Task<ContactWriteOutcome> UpsertOneAsync(Contact contact, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.Upsert), async () =>
        {
            // A contact that joins no group is sent without the groups field, not with an empty one.
            var groups = contact.Groups.Count == 0 ? null : string.Join(',', contact.Groups);
            var response = await _client.CreateContactAsync(
                contact.Phone, contact.DisplayName, groups, cancellationToken).ConfigureAwait(false);
            EnsureSucceeded(response, nameof(ContactsOperations.Upsert));
            return ContactWriteOutcome.Created;
        }, cancellationToken);

    public override Task<ListPage<Contact>> ListPageAsync(string? continuation, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.List), async () =>
        {
            var page = continuation is null ? 1 : int.Parse(continuation, CultureInfo.InvariantCulture);
            var response = await _client.GetContactsAsync(PageSize, page, cancellationToken).ConfigureAwait(false);
            EnsureSucceeded(response, nameof(ContactsOperations.List));
            var items = DataItems<WasmsContact>(response.Data).Select(FromWasms).ToList();
            return new ListPage<Contact>(items, NextPage(page, items.Count));
        }, cancellationToken);

    public override Task DeleteOneAsync(string id, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.Delete), async () =>
        {
            var number = NumericId(id, nameof(ContactsOperations.Delete), "WaSMS ids are whole numbers");
            EnsureSucceeded(await _client.DeleteContactAsync(number, cancellationToken).ConfigureAwait(false), nameof(ContactsOperations.Delete));
        }, cancellationToken);

    public override Task CreateGroupAsync(string name, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.CreateGroup), async () =>
            EnsureSucceeded(await _client.CreateGroupAsync(name, cancellationToken).ConfigureAwait(false), nameof(ContactsOperations.CreateGroup)),
            cancellationToken);

    public override Task<ListPage<ContactGroup>> ListGroupsPageAsync(string? continuation, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.ListGroups), async () =>
        {
            var page = continuation is null ? 1 : int.Parse(continuation, CultureInfo.InvariantCulture);
            var response = await _client.GetGroupsAsync(PageSize, page, cancellationToken).ConfigureAwait(false);
            EnsureSucceeded(response, nameof(ContactsOperations.ListGroups));
            var items = DataItems<WasmsGroup>(response.Data).Select(FromWasms).ToList();
            return new ListPage<ContactGroup>(items, NextPage(page, items.Count));
        }, cancellationToken);

    public override Task DeleteGroupAsync(string id, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.DeleteGroup), async () =>
        {
            var number = NumericId(id, nameof(ContactsOperations.DeleteGroup), "WaSMS group ids are whole numbers");
            EnsureSucceeded(await _client.DeleteGroupAsync(number, cancellationToken).ConfigureAwait(false), nameof(ContactsOperations.DeleteGroup));
        }, cancellationToken);

    // The spec declares only HTTP 200; anything else comes from the server or a proxy in front of it.
    protected override ContactsException? MapClientException(Exception exception, string operation) =>
        exception is WasmsClientException error ? FromClientFailure(error, operation, error.StatusCode, error.Headers) : null;

    internal static Contact FromWasms(WasmsContact contact) => new()
    {
        Id = contact.Id?.ToString(CultureInfo.InvariantCulture),
        Phone = contact.Phone,
        Name = contact.Name,
        Groups = [.. contact.Groups ?? []],
    };

    // delete/group and create/contact's groups take the id, so a group without one could not be used.
    internal static ContactGroup FromWasms(WasmsGroup group) => new(
        group.Id?.ToString(CultureInfo.InvariantCulture) ?? throw new JsonException("A WaSMS group came back without an id."),
        group.Name ?? string.Empty);

    private static bool IsPhone(string phone)
    {
        var digits = phone.StartsWith('+') ? phone.AsSpan(1) : phone.AsSpan();
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }

    // A full page may be followed by more; a short or empty one is the last (an empty page also stops a listing
    // that shrinks while it is read from looping).
    private static string? NextPage(int page, int count) =>
        count == PageSize ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;

    // data is untyped in the spec: an array of items on the list routes, false (or, per the doc's tables, an
    // empty array) when there is nothing to return.
    private static IEnumerable<T> DataItems<T>(object? data)
        where T : class => data switch
        {
            null or JsonElement { ValueKind: JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined } => [],
            JsonElement { ValueKind: JsonValueKind.Array } items => [.. items.EnumerateArray().Select(item =>
                JsonSerializer.Deserialize<T>(item) ?? throw new JsonException($"A null item in data where a {typeof(T).Name} was expected."))],
            _ => throw new JsonException("data is neither an array nor false."),
        };

    // The ids are integers in the spec; anything else could never name a WaSMS contact or group.
    private int NumericId(string id, string operation, string message) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Errors.InvalidInput(operation, [new ContactFieldError(0, "Id", message)]);

    // WaSMS is assumed to answer HTTP 200 whatever happened (very likely, per the gateway script's public code; see
    // specs/wasms/openapi.yaml); only the body's status and message tell a failure, so every route's response
    // passes through here.
    private void EnsureSucceeded(WasmsResponse response, string operation)
    {
        if (response.Status == WasmsResponseStatus.Success)
        {
            return;
        }

        // Any other number reads too (an integer enum stays open) and is a ProviderError.
        var kind = response.Status switch
        {
            WasmsResponseStatus.InvalidParameters when string.Equals(response.Message, ContactLimitMessage, StringComparison.Ordinal) => ContactsErrorKind.LimitExceeded,
            WasmsResponseStatus.InvalidParameters => ContactsErrorKind.InvalidInput,
            WasmsResponseStatus.InvalidSecret => ContactsErrorKind.Authentication,
            WasmsResponseStatus.PermissionDenied => ContactsErrorKind.PermissionDenied,
            _ => ContactsErrorKind.ProviderError,
        };

        // The status passed on is the HTTP one (200), which would make every failure non-retryable; a body 500
        // ("Something went wrong!") is a server-side failure worth retrying where the operation is idempotent; a
        // creation failing so ends in OutcomeUnknown instead (ContactsResilience), as the provider may have acted.
        throw Errors.Provided(kind, operation, 200, response.Message, description: null, retryable: (int)response.Status >= 500);
    }
}
