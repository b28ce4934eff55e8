namespace ContactsSpec.Internal;

/// <summary>
/// One provider's API behind the facade: maps the domain model to and from its generated client and turns
/// whatever that client returns or throws into results or <see cref="ContactsException"/>s. Operations a
/// provider lacks keep these defaults, which throw <see cref="ContactsErrorKind.NotSupported"/>; the facade
/// checks <see cref="Capabilities"/> first, so they are a second line of defence.
/// </summary>
internal abstract class ContactsAdapter
{
    protected ContactsAdapter(ContactsClientOptions options)
    {
        Options = options;
        Errors = new ContactsErrorFactory(options.Provider, new SecretRedactor(options.SecretValues), options.TimeProvider);
    }

    public abstract ContactsCapabilities Capabilities { get; }

    /// <summary>Whether a batch upsert must not carry two contacts with the same id (Wazzup v3 answers 500).</summary>
    public virtual bool RejectsDuplicateIdsInBatch => false;

    public string Provider => Options.Provider;

    public ContactsErrorFactory Errors { get; }

    protected ContactsClientOptions Options { get; }

    /// <summary>Adds a field error for each of the provider's constraints the contact breaks (lengths, required fields, formats).</summary>
    public abstract void Validate(Contact contact, int index, ICollection<ContactFieldError> errors);

    /// <summary>The provider-side id a contact is written under; null where the provider assigns it and does not say.</summary>
    public virtual string? WrittenId(Contact contact) => contact.Id ?? contact.Phone;

    public virtual Task<ContactWriteOutcome> UpsertOneAsync(Contact contact, CancellationToken cancellationToken) =>
        throw Errors.NotSupported(nameof(ContactsOperations.Upsert));

    /// <summary>Upserts a chunk no larger than <see cref="ContactsCapabilities.MaxUpsertBatchSize"/> in one request.</summary>
    public virtual Task UpsertChunkAsync(IReadOnlyList<Contact> chunk, CancellationToken cancellationToken) =>
        throw Errors.NotSupported(nameof(ContactsOperations.UpsertMany));

    public virtual Task<Contact> GetAsync(string id, CancellationToken cancellationToken) =>
        throw Errors.NotSupported(nameof(ContactsOperations.Get));

    /// <summary>One page of contacts; <paramref name="continuation"/> is null for the first page.</summary>
    public virtual Task<ListPage<Contact>> ListPageAsync(string? continuation, CancellationToken cancellationToken) =>
        throw Errors.NotSupported(nameof(ContactsOperations.List));

    public virtual Task DeleteOneAsync(string id, CancellationToken cancellationToken) =>
        throw Errors.NotSupported(nameof(ContactsOperations.Delete));

    /// <summary>Deletes a chunk no larger than <see cref="ContactsCapabilities.MaxDeleteBatchSize"/>; returns the ids the provider did not find.</summary>
    public virtual Task<IReadOnlyCollection<string>> DeleteChunkAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        throw Errors.NotSupported(nameof(ContactsOperations.DeleteMany));

    public virtual Task CreateGroupAsync(string name, CancellationToken cancellationToken) =>
        throw Errors.NotSupported(nameof(ContactsOperations.CreateGroup));

    public virtual Task<ListPage<ContactGroup>> ListGroupsPageAsync(string? continuation, CancellationToken cancellationToken) =>
        throw Errors.NotSupported(nameof(ContactsOperations.ListGroups));

    public virtual Task DeleteGroupAsync(string id, CancellationToken cancellationToken) =>
        throw Errors.NotSupported(nameof(ContactsOperations.DeleteGroup));

    /// <summary>
    /// Runs one generated-client call and turns anything it throws into a <see cref="ContactsException"/>;
    /// a cancellation of <paramref name="cancellationToken"/> (the caller's, or the attempt timeout) passes through.
    /// </summary>
    protected async Task<T> CallAsync<T>(string operation, Func<ValueTask<T>> call, CancellationToken cancellationToken)
    {
        // The first bytes of this attempt's answer, for errors that quote it (ContactsErrorFactory).
        var capture = ResponseCapture.Begin();
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ContactsException)
        {
            throw;
        }
#pragma warning disable CA1031 // Every failure becomes a typed ContactsException; nothing else reaches the caller.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            throw MapClientException(exception, operation) ?? Errors.FromException(exception, operation);
        }
        finally
        {
            capture.End();
        }
    }

    protected async Task CallAsync(string operation, Func<Task> call, CancellationToken cancellationToken) =>
        await CallAsync(operation, async ValueTask<bool> () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Maps the generated client's own exception type (each client has its own, carrying the status, the headers and
    /// any typed error body); null for anything else. Most adapters hand the status and headers to <see cref="FromClientFailure"/>.
    /// </summary>
    protected abstract ContactsException? MapClientException(Exception exception, string operation);

    /// <summary>
    /// A generated client's failure: under a 2xx the body could not be read as documented (the inner exception says
    /// why); any other status is judged by <see cref="MapStatus"/>.
    /// </summary>
    protected ContactsException FromClientFailure(Exception error, string operation, int status, IReadOnlyDictionary<string, IEnumerable<string>> headers) =>
        status is >= 200 and < 300 ? Errors.FromException(error.InnerException ?? error, operation) : MapStatus(operation, status, headers);

    /// <summary>An error status without a body the provider documents: by the status alone, with any Retry-After.</summary>
    protected virtual ContactsException MapStatus(string operation, int status, IReadOnlyDictionary<string, IEnumerable<string>> headers) =>
        Errors.FromStatus(operation, status, retryAfter: Errors.RetryAfter(headers));
}
