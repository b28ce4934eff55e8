using System.Globalization;
using System.Text.Json;
using ContactsSpec.Clients.WazzupV3;
using ContactsSpec.Internal;
using WazzupContact = ContactsSpec.Clients.WazzupV3.Contact;
using WazzupContactData = ContactsSpec.Clients.WazzupV3.ContactData;

namespace ContactsSpec.Adapters;

/// <summary>Wazzup API v3 (specs/wazzup-v3) through <see cref="WazzupV3Client"/>.</summary>
internal sealed class WazzupV3ContactsAdapter : ContactsAdapter
{
    // Limits from specs/wazzup-v3/openapi.yaml (checked against the spec by the facade's tests).
    internal const int MaxBatch = 100;
    internal const int MaxIdLength = 100;
    internal const int MaxResponsibleUserIdLength = 100;
    internal const int MaxNameLength = 200;
    internal const int MaxUriLength = 200;

    private readonly WazzupV3Client _client;

    public WazzupV3ContactsAdapter(HttpClient httpClient, WazzupV3ContactsOptions options)
        : base(options)
    {
        _client = new WazzupV3Client(httpClient) { BaseUrl = options.BaseUri.ToString() };
    }

    public override ContactsCapabilities Capabilities { get; } = new()
    {
        Provider = ContactsProviders.WazzupV3,
        // The registry declares which spec operation serves which facade operation.
        Operations = ContactsProviders.Find(ContactsProviders.WazzupV3).SupportedOperations,
        StoredFields = new HashSet<ContactField>
        {
            ContactField.Id, ContactField.Name, ContactField.FirstName, ContactField.LastName, ContactField.Web,
            ContactField.Channels, ContactField.ResponsibleUserId,
        },
        MaxUpsertBatchSize = MaxBatch,
        MaxDeleteBatchSize = MaxBatch,
        ListPageSize = 100,
        IdempotentUpsert = true,
    };

    public override bool RejectsDuplicateIdsInBatch => true;

    public override void Validate(Contact contact, int index, ICollection<ContactFieldError> errors)
    {
        ContactConstraints.Required(contact.Id, index, nameof(Contact.Id), errors);
        ContactConstraints.MaxLength(contact.Id, MaxIdLength, index, nameof(Contact.Id), errors);
        ContactConstraints.Required(contact.ResponsibleUserId, index, nameof(Contact.ResponsibleUserId), errors);
        ContactConstraints.MaxLength(contact.ResponsibleUserId, MaxResponsibleUserIdLength, index, nameof(Contact.ResponsibleUserId), errors);
        ContactConstraints.Required(contact.DisplayName, index, nameof(Contact.Name), errors);
        ContactConstraints.MaxLength(contact.DisplayName, MaxNameLength, index, nameof(Contact.Name), errors);
        ContactConstraints.MaxLength(contact.Web, MaxUriLength, index, nameof(Contact.Web), errors);
        ContactConstraints.WazzupChannels(contact.Channels, index, errors);
    }

    public override async Task<ContactWriteOutcome> UpsertOneAsync(Contact contact, CancellationToken cancellationToken)
    {
        await SendAsync(nameof(ContactsOperations.Upsert), [contact], cancellationToken).ConfigureAwait(false);
        return ContactWriteOutcome.Written;
    }

    public override Task UpsertChunkAsync(IReadOnlyList<Contact> chunk, CancellationToken cancellationToken) =>
        SendAsync(nameof(ContactsOperations.UpsertMany), chunk, cancellationToken);

    public override Task<Contact> GetAsync(string id, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.Get), async () => FromWazzup(await _client.GetContactAsync(id, cancellationToken).ConfigureAwait(false)), cancellationToken);

    public override Task<ListPage<Contact>> ListPageAsync(string? continuation, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.List), async () =>
        {
            var offset = continuation is null ? 0 : int.Parse(continuation, CultureInfo.InvariantCulture);
            var page = await _client.ListContactsAsync(offset, cancellationToken).ConfigureAwait(false);
            var items = page.Data.Select(FromWazzup).ToList();
            var next = offset + items.Count;
            // An empty page ends the listing even if count says more: a shrinking list must not loop forever.
            return new ListPage<Contact>(items, items.Count > 0 && next < page.Count ? next.ToString(CultureInfo.InvariantCulture) : null);
        }, cancellationToken);

    public override Task DeleteOneAsync(string id, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.Delete), () => _client.DeleteContactAsync(id, cancellationToken), cancellationToken);

    public override Task<IReadOnlyCollection<string>> DeleteChunkAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        CallAsync(nameof(ContactsOperations.DeleteMany), async () =>
            (IReadOnlyCollection<string>)[.. await _client.BulkDeleteContactsAsync(ids, cancellationToken).ConfigureAwait(false)], cancellationToken);

    protected override ContactsException? MapClientException(Exception exception, string operation) => exception switch
    {
        WazzupV3ClientException<ErrorResponse> { Result: { } body } error => MapErrorBody(operation, error.StatusCode, body, error.Headers),
        WazzupV3ClientException error => FromClientFailure(error, operation, error.StatusCode, error.Headers),
        _ => null,
    };

    private Task SendAsync(string operation, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken) =>
        CallAsync(operation, () => _client.UpsertContactsAsync(RequestModels.Map(contacts, ToWazzup), cancellationToken), cancellationToken);

    internal static WazzupContact ToWazzup(Contact contact) => new()
    {
        Id = contact.Id!,
        ResponsibleUserId = contact.ResponsibleUserId!,
        Name = contact.DisplayName!,
        Uri = contact.Web,
        ContactData = RequestModels.Map(contact.Channels, channel => new WazzupContactData
        {
            ChatType = channel.ChatType.Value,
            ChatId = channel.ChatId,
            Username = channel.Username,
            Phone = channel.Phone,
            AdditionalProperties = RequestModels.NoAdditionalProperties,
        }),
        AdditionalProperties = RequestModels.NoAdditionalProperties,
    };

    internal static Contact FromWazzup(WazzupContact contact) => new()
    {
        Id = contact.Id,
        ResponsibleUserId = contact.ResponsibleUserId,
        Name = contact.Name,
        Web = contact.Uri,
        Channels = [.. contact.ContactData.Select(data => new ContactChannel
        {
            ChatType = new ChatType(data.ChatType),
            ChatId = data.ChatId,
            Username = data.Username,
            Phone = data.Phone,
        })],
    };

    private ContactsException MapErrorBody(string operation, int status, ErrorResponse body, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        var kind = body.Error switch
        {
            "INVALID_CONTACTS_DATA" => ContactsErrorKind.InvalidInput,
            // The contacts page spells it TOO_MACH_ENTITIES, the common-errors page TOO_MANY_ENTITIES.
            "TOO_MACH_ENTITIES" or "TOO_MANY_ENTITIES" => ContactsErrorKind.LimitExceeded,
            _ => ContactsErrorFactory.KindOf(status),
        };
        return Errors.Provided(kind, operation, status, body.Error, body.Description, FieldErrors(body.Data), Errors.RetryAfter(headers));
    }

    // INVALID_CONTACTS_DATA's data: [{ "index": 12, "fields": ["responsibleUserId"] }], index within the request.
    private static List<ContactFieldError>? FieldErrors(object? data)
    {
        if (data is not JsonElement { ValueKind: JsonValueKind.Array } items)
        {
            return null;
        }

        var errors = new List<ContactFieldError>();
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("index", out var index) || !index.TryGetInt32(out var position))
            {
                continue;
            }

            var fields = item.TryGetProperty("fields", out var names) && names.ValueKind == JsonValueKind.Array
                ? names.EnumerateArray().Select(name => name.ToString())
                : ["(unspecified)"];
            errors.AddRange(fields.Select(field => new ContactFieldError(position, field, "rejected by the provider")));
        }

        return errors;
    }
}
