using System.Globalization;
using ContactsSpec.Clients.WazzupV2;
using ContactsSpec.Internal;
using WazzupContact = ContactsSpec.Clients.WazzupV2.Contact;
using WazzupContactData = ContactsSpec.Clients.WazzupV2.ContactData;

namespace ContactsSpec.Adapters;

/// <summary>Wazzup partner API v2 (specs/wazzup-v2) through <see cref="WazzupV2Client"/>.</summary>
internal sealed class WazzupV2ContactsAdapter : ContactsAdapter
{
    // v2 documents no batch limit (its contacts page, https://wazzup24.com/help/api/contacts/, states none); v3's
    // 100 entities a request is the closest guide, so no chunk is larger than what Wazzup accepts on its current API.
    internal const int MaxBatch = 100;

    // The doc's only list request asks for limit=100; the default and the maximum are undocumented.
    internal const int PageSize = 100;

    private readonly WazzupV2Client _client;
    private readonly WazzupV2UpsertMethod _upsertMethod;

    public WazzupV2ContactsAdapter(HttpClient httpClient, WazzupV2ContactsOptions options)
        : base(options)
    {
        // The client access token is added as a bearer header by the HTTP pipeline, not here.
        _client = new WazzupV2Client(httpClient) { BaseUrl = options.BaseUri.ToString() };
        _upsertMethod = options.UpsertMethod;
    }

    public override ContactsCapabilities Capabilities { get; } = new()
    {
        Provider = ContactsProviders.WazzupV2,
        // The registry declares which spec operation serves which facade operation.
        Operations = ContactsProviders.Find(ContactsProviders.WazzupV2).SupportedOperations,
        StoredFields = new HashSet<ContactField>
        {
            ContactField.Id, ContactField.Name, ContactField.FirstName, ContactField.LastName, ContactField.Web,
            ContactField.Channels, ContactField.ResponsibleUserId,
        },
        MaxUpsertBatchSize = MaxBatch,
        MaxDeleteBatchSize = MaxBatch,
        ListPageSize = PageSize,
        // Contacts are keyed by the caller's (CRM) id, so sending the same contacts again leaves the same state.
        IdempotentUpsert = true,
    };

    public override void Validate(Contact contact, int index, ICollection<ContactFieldError> errors)
    {
        // All five contact fields are required by v2's contact model. v2 states no length limits (v3 has them);
        // none are invented here, the provider is left to judge.
        ContactConstraints.Required(contact.Id, index, nameof(Contact.Id), errors);
        ContactConstraints.Required(contact.ResponsibleUserId, index, nameof(Contact.ResponsibleUserId), errors);
        ContactConstraints.Required(contact.DisplayName, index, nameof(Contact.Name), errors);
        ContactConstraints.Required(contact.Web, index, nameof(Contact.Web), errors);
        ContactConstraints.WazzupChannels(contact.Channels, index, errors);
    }

    public override async Task<ContactWriteOutcome> UpsertOneAsync(Contact contact, CancellationToken cancellationToken)
    {
        await SendAsync(nameof(ContactsOperations.Upsert), [contact], cancellationToken).ConfigureAwait(false);
        return ContactWriteOutcome.Written;
    }

    // v2 adds (POST) and updates (PATCH) by separate routes and documents neither's handling of the other case, so
    // the caller chooses with WazzupV2ContactsOptions.UpsertMethod; the provider does not say Created or Updated.
    public override Task UpsertChunkAsync(IReadOnlyList<Contact> chunk, CancellationToken cancellationToken) =>
        SendAsync(nameof(ContactsOperations.UpsertMany), chunk, cancellationToken);

    private Task<ProcessedResponse> SendAsync(string operation, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken) =>
        CallAsync(operation, () =>
        {
            var request = new ContactsRequest { Contacts = RequestModels.Map(contacts, ToWazzup), AdditionalProperties = RequestModels.NoAdditionalProperties };
            return new ValueTask<ProcessedResponse>(_upsertMethod == WazzupV2UpsertMethod.Update
                ? _client.UpdateContactsAsync(request, cancellationToken)
                : _client.CreateContactsAsync(request, cancellationToken));
        }, cancellationToken);

    // The doc's example answers the read-one route in the list shape: a data array holding the contact.
    public override Task<Contact> GetAsync(string id, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.Get), async () =>
        {
            var response = await _client.GetContactAsync(id, cancellationToken).ConfigureAwait(false);
            return response.Data?.FirstOrDefault() is { } contact
                ? FromWazzup(contact)
                : throw Errors.Provided(ContactsErrorKind.NotFound, nameof(ContactsOperations.Get), 200, null, "the provider returned no contact with this id");
        }, cancellationToken);

    public override Task<ListPage<Contact>> ListPageAsync(string? continuation, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.List), async () =>
        {
            var offset = continuation is null ? 0 : int.Parse(continuation, CultureInfo.InvariantCulture);
            var page = await _client.ListContactsAsync(offset, PageSize, cancellationToken).ConfigureAwait(false);
            var items = (page.Data ?? []).Select(FromWazzup).ToList();
            // v2 reports no total: a full page may be followed by more, a short or empty one is the last.
            var next = items.Count == PageSize ? (offset + items.Count).ToString(CultureInfo.InvariantCulture) : null;
            return new ListPage<Contact>(items, next);
        }, cancellationToken);

    public override Task DeleteOneAsync(string id, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.Delete), () =>
            _client.DeleteContactsAsync(new DeleteContactsRequest { Contact_ids = [id] }, cancellationToken), cancellationToken);

    // v2 answers data: null and does not report ids it did not know, so no id can be named as not found.
    public override Task<IReadOnlyCollection<string>> DeleteChunkAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.DeleteMany), async () =>
        {
            await _client.DeleteContactsAsync(new DeleteContactsRequest { Contact_ids = [.. ids] }, cancellationToken).ConfigureAwait(false);
            return (IReadOnlyCollection<string>)[];
        }, cancellationToken);

    // v2 documents no error bodies (401, 403, 429 and 500 are assumed from v3), so only the status is mapped.
    protected override ContactsException? MapClientException(Exception exception, string operation) =>
        exception is WazzupV2ClientException error ? FromClientFailure(error, operation, error.StatusCode, error.Headers) : null;

    internal static WazzupContact ToWazzup(Contact contact) => new()
    {
        Id = contact.Id!,
        Responsible_user_id = contact.ResponsibleUserId!,
        Name = contact.DisplayName!,
        Uri = contact.Web!,
        Contact_data = RequestModels.Map(contact.Channels, channel => new WazzupContactData
        {
            Chat_type = channel.ChatType.Value,
            Chat_id = channel.ChatId,
            Username = channel.Username,
            Phone = channel.Phone,
            AdditionalProperties = RequestModels.NoAdditionalProperties,
        }),
        AdditionalProperties = RequestModels.NoAdditionalProperties,
    };

    internal static Contact FromWazzup(WazzupContact contact) => new()
    {
        Id = contact.Id,
        ResponsibleUserId = contact.Responsible_user_id,
        Name = contact.Name,
        Web = contact.Uri,
        Channels = [.. (contact.Contact_data ?? []).Select(data => new ContactChannel
        {
            ChatType = new ChatType(data.Chat_type),
            ChatId = data.Chat_id,
            // The doc's answers carry "" for an unset username or phone; the domain model says unset with null.
            Username = string.IsNullOrEmpty(data.Username) ? null : data.Username,
            Phone = string.IsNullOrEmpty(data.Phone) ? null : data.Phone,
        })],
    };
}
