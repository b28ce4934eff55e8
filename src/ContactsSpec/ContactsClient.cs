using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using ContactsSpec.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactsSpec;

/// <summary>
/// One contacts API over every supported provider. Create it with the provider's options
/// (<see cref="WazzupV3ContactsOptions"/>, <see cref="WammContactsOptions"/>, ...) or through
/// <c>services.AddContacts()</c>; calling code stays the same whichever provider is behind it. Every member is
/// virtual so that it can be mocked.
/// </summary>
/// <remarks>
/// Provider and input failures throw <see cref="ContactsException"/>; a cancelled call throws
/// <see cref="OperationCanceledException"/>, and a call on a disposed client, or one in flight when it is disposed,
/// <see cref="ObjectDisposedException"/>. Redirects are never followed.
/// </remarks>
public partial class ContactsClient : IDisposable
{
    // Batches up to this size look for repeated ids without a dictionary.
    private const int SmallBatch = 8;

    private readonly ContactsAdapter? _adapter;
    private readonly ContactsResilience? _resilience;
    private readonly ContactsClientOptions? _options;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly HttpClient? _ownedHttpClient;

    // Cancelled by Dispose: ends calls in flight, which then throw ObjectDisposedException rather than a provider error.
    private readonly CancellationTokenSource _disposal = new();
    private int _disposed;

    /// <summary>A client for the provider <paramref name="options"/> describe, with its own connection pool.</summary>
    // The two constructors differ in their second parameter's type, so no call can be ambiguous between them.
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Distinct required parameter types.")]
    public ContactsClient(ContactsClientOptions options, ILoggerFactory? loggerFactory = null)
#pragma warning disable CA2000 // The HttpClient built here owns the handler chain and is disposed with this client.
        : this(options, ContactsTransport.Create(), loggerFactory, ownsTransport: true)
#pragma warning restore CA2000
    {
    }

    /// <summary>
    /// A client sending through <paramref name="transport"/> (for example an in-memory handler in tests). The caller
    /// keeps ownership of <paramref name="transport"/>. Give it a transport that does not follow redirects
    /// (<c>AllowAutoRedirect = false</c>): one that does would send the request, credentials included, wherever a
    /// redirect points before the facade can refuse it (it still refuses that answer).
    /// </summary>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Distinct required parameter types.")]
    public ContactsClient(ContactsClientOptions options, HttpMessageHandler transport, ILoggerFactory? loggerFactory = null)
        : this(options, transport, loggerFactory, ownsTransport: false)
    {
    }

    /// <summary>For mocking.</summary>
    protected ContactsClient()
    {
    }

    private ContactsClient(ContactsClientOptions options, HttpMessageHandler transport, ILoggerFactory? loggerFactory, bool ownsTransport)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transport);
        options = options.ValidatedCopy();
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ContactsClient>();
        var pipeline = new ContactsHttpHandler(logger, options.Provider, new SecretRedactor(options.SecretValues), options.MaxResponseBytes, options.BearerToken)
        {
            InnerHandler = transport,
        };

        // Timeouts are the resilience pipeline's; HttpClient's own would fire first and look like a cancellation.
        _ownedHttpClient = new HttpClient(pipeline, disposeHandler: ownsTransport) { Timeout = Timeout.InfiniteTimeSpan };
        (_options, _adapter, _resilience, _logger) = Initialize(options, _ownedHttpClient, logger, _disposal.Token);
    }

    /// <summary>For dependency injection: <paramref name="httpClient"/> comes from IHttpClientFactory with the credential handler in its pipeline.</summary>
    internal ContactsClient(ContactsClientOptions options, HttpClient httpClient, ILogger logger)
    {
        options = options.ValidatedCopy();
        (_options, _adapter, _resilience, _logger) = Initialize(options, httpClient, logger, _disposal.Token);
    }

    /// <summary>The provider key.</summary>
    public virtual string Provider => Adapter.Provider;

    /// <summary>What the provider supports and its limits.</summary>
    public virtual ContactsCapabilities Capabilities => Adapter.Capabilities;

    private ContactsAdapter Adapter => _adapter ?? throw new InvalidOperationException("This ContactsClient was created for mocking and has no provider.");

    private ContactsResilience Resilience => _resilience!;

    private ContactsClientOptions Options => _options!;

    /// <summary>
    /// Creates the contact or updates it (WaSMS: creates; it has no update). Fields the provider cannot store are
    /// rejected or reported per <see cref="ContactsClientOptions.UnsupportedFields"/>.
    /// </summary>
    /// <exception cref="ContactsException">Invalid input (before any request), or the provider's error.</exception>
    public virtual async Task<ContactWriteResult> UpsertAsync(Contact contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        Require(ContactsOperations.Upsert);
        var notStored = Prepare([contact], nameof(ContactsOperations.Upsert))[0];
        var outcome = await RunAsync(nameof(ContactsOperations.Upsert), static (state, token) => state.Adapter.UpsertOneAsync(state.Contact, token), (Adapter, Contact: contact), cancellationToken).ConfigureAwait(false);
        return new ContactWriteResult(Adapter.WrittenId(contact), outcome, notStored);
    }

    /// <summary>
    /// Creates or updates many contacts: in requests of the provider's batch size where it has a batch endpoint,
    /// otherwise as single calls, <see cref="ContactsClientOptions.MaxConcurrency"/> at a time. Every input item
    /// is validated before anything is sent; the result has exactly one entry per item.
    /// </summary>
    /// <exception cref="ContactsException">Invalid input in any item (before any request), naming item and field.</exception>
    public virtual async Task<ContactBatchResult> UpsertManyAsync(IEnumerable<Contact> contacts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        Require(ContactsOperations.UpsertMany);
        var items = contacts.ToList();
        var notStored = Prepare(items, nameof(ContactsOperations.UpsertMany));
        var keys = items.ConvertAll(contact => contact.Id ?? contact.Phone);
        var batch = new BatchRun(keys, notStored);
        if (Capabilities.MaxUpsertBatchSize is { } size)
        {
            await RunChunksAsync(batch, size, nameof(ContactsOperations.UpsertMany), async (range, token) =>
            {
                var chunk = items.GetRange(range.Start, range.Count);
                await RunAsync(nameof(ContactsOperations.UpsertMany), t => Adapter.UpsertChunkAsync(chunk, t), token)
                    .ConfigureAwait(false);
                return [];
            }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RunSinglesAsync(batch, (index, token) => RunAsync(nameof(ContactsOperations.Upsert), t => Adapter.UpsertOneAsync(items[index], t), token), cancellationToken).ConfigureAwait(false);
        }

        return batch.ToResult();
    }

    /// <summary>
    /// Checks contacts the way <see cref="UpsertManyAsync"/> does before it sends anything (the spec's constraints,
    /// fields the provider cannot store under <see cref="UnsupportedFieldPolicy.Reject"/>, duplicate ids in a batch),
    /// without sending. Empty when every item would be sent.
    /// </summary>
    public virtual IReadOnlyList<ContactFieldError> Validate(IEnumerable<Contact> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        return Check([.. contacts]).Errors;
    }

    /// <summary>Reads one contact by its provider-side id.</summary>
    /// <exception cref="ContactsException">
    /// <see cref="ContactsErrorKind.NotFound"/> when there is no such contact; <see cref="ContactsErrorKind.InvalidInput"/>
    /// (before any request) for a blank id, <c>.</c> or <c>..</c>, or text that is not well-formed Unicode.
    /// </exception>
    public virtual Task<Contact> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        Require(ContactsOperations.Get);
        RequireId(id, nameof(ContactsOperations.Get));
        return RunAsync(nameof(ContactsOperations.Get), static (state, token) => state.Adapter.GetAsync(state.Id, token), (Adapter, Id: id), cancellationToken);
    }

    /// <summary>Streams every contact, one page at a time: memory stays constant however many there are.</summary>
    public virtual IAsyncEnumerable<Contact> ListAsync(CancellationToken cancellationToken = default)
    {
        Require(ContactsOperations.List);
        return StreamAsync(nameof(ContactsOperations.List), Adapter.ListPageAsync, cancellationToken);
    }

    /// <summary>Deletes one contact by its provider-side id.</summary>
    /// <exception cref="ContactsException">
    /// <see cref="ContactsErrorKind.NotFound"/> when the provider says there is no such contact; <see cref="ContactsErrorKind.InvalidInput"/>
    /// (before any request) for a blank id, <c>.</c> or <c>..</c>, or text that is not well-formed Unicode.
    /// </exception>
    public virtual Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        Require(ContactsOperations.Delete);
        RequireId(id, nameof(ContactsOperations.Delete));
        return RunAsync(nameof(ContactsOperations.Delete), static (state, token) => state.Adapter.DeleteOneAsync(state.Id, token), (Adapter, Id: id), cancellationToken);
    }

    /// <summary>
    /// Deletes many contacts: in requests of the provider's batch size where it has a batch endpoint, otherwise
    /// as single calls. An id the provider does not know is reported as failed with <see cref="ContactsErrorKind.NotFound"/>.
    /// </summary>
    public virtual async Task<ContactBatchResult> DeleteManyAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        Require(ContactsOperations.DeleteMany);
        var items = ids.ToList();
        var errors = new List<ContactFieldError>();
        for (var index = 0; index < items.Count; index++)
        {
            ContactConstraints.Id(items[index], index, "Id", errors);
        }

        if (errors.Count > 0)
        {
            throw Adapter.Errors.InvalidInput(nameof(ContactsOperations.DeleteMany), errors);
        }

        var batch = new BatchRun(items, [.. items.Select(_ => (IReadOnlyList<ContactField>)[])]);
        if (Capabilities.MaxDeleteBatchSize is { } size)
        {
            await RunChunksAsync(batch, size, nameof(ContactsOperations.DeleteMany), async (range, token) =>
            {
                var chunk = items.GetRange(range.Start, range.Count);
                var notFound = await RunAsync(nameof(ContactsOperations.DeleteMany), t => Adapter.DeleteChunkAsync(chunk, t), token)
                    .ConfigureAwait(false);
                return [.. Enumerable.Range(range.Start, range.Count).Where(index => notFound.Contains(items[index]))];
            }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RunSinglesAsync(batch, async (index, token) =>
            {
                await RunAsync(nameof(ContactsOperations.Delete), t => Adapter.DeleteOneAsync(items[index], t), token).ConfigureAwait(false);
                return ContactWriteOutcome.Written;
            }, cancellationToken).ConfigureAwait(false);
        }

        return batch.ToResult();
    }

    /// <summary>Creates a contact group (WaSMS).</summary>
    public virtual Task CreateGroupAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        Require(ContactsOperations.CreateGroup);
        var errors = new List<ContactFieldError>();
        ContactConstraints.Required(name, 0, "Name", errors);
        ContactConstraints.WellFormed(name, 0, "Name", errors);
        if (errors.Count > 0)
        {
            throw Adapter.Errors.InvalidInput(nameof(ContactsOperations.CreateGroup), errors);
        }

        return RunAsync(nameof(ContactsOperations.CreateGroup), static (state, token) => state.Adapter.CreateGroupAsync(state.Name, token), (Adapter, Name: name), cancellationToken);
    }

    /// <summary>Streams every contact group (WaSMS), one page at a time.</summary>
    public virtual IAsyncEnumerable<ContactGroup> ListGroupsAsync(CancellationToken cancellationToken = default)
    {
        Require(ContactsOperations.ListGroups);
        return StreamAsync(nameof(ContactsOperations.ListGroups), Adapter.ListGroupsPageAsync, cancellationToken);
    }

    /// <summary>Deletes a contact group (WaSMS).</summary>
    public virtual Task DeleteGroupAsync(string id, CancellationToken cancellationToken = default)
    {
        Require(ContactsOperations.DeleteGroup);
        RequireId(id, nameof(ContactsOperations.DeleteGroup));
        return RunAsync(nameof(ContactsOperations.DeleteGroup), static (state, token) => state.Adapter.DeleteGroupAsync(state.Id, token), (Adapter, Id: id), cancellationToken);
    }

    // One provider call through the resilience pipeline, retried as far as the operation is safe to repeat.
    private Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        Resilience.ExecuteAsync(operation, IsSafeToRepeat(operation), call, cancellationToken);

    // The single-call operations pass their input as state: no closure and no delegate a call.
    private Task<T> RunAsync<TState, T>(string operation, Func<TState, CancellationToken, Task<T>> call, TState state, CancellationToken cancellationToken) =>
        Resilience.ExecuteAsync(operation, IsSafeToRepeat(operation), call, state, cancellationToken);

    private Task RunAsync<TState>(string operation, Func<TState, CancellationToken, Task> call, TState state, CancellationToken cancellationToken) =>
        Resilience.ExecuteAsync(operation, IsSafeToRepeat(operation), call, state, cancellationToken);

    private Task RunAsync(string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        Resilience.ExecuteAsync(operation, IsSafeToRepeat(operation), call, cancellationToken);

    /// <summary>
    /// Whether sending <paramref name="operation"/> twice writes nothing twice: reads and deletes always, an upsert where
    /// the provider's is idempotent (WaSMS can only create), a group creation never (it makes a second group).
    /// </summary>
    internal bool IsSafeToRepeat(string operation) => operation switch
    {
        nameof(ContactsOperations.Upsert) or nameof(ContactsOperations.UpsertMany) => Capabilities.IdempotentUpsert,
        nameof(ContactsOperations.CreateGroup) => false,
        _ => true,
    };

    /// <inheritdoc />
    public override string ToString() => _options is null ? nameof(ContactsClient) : $"{nameof(ContactsClient)} ({Options})";

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Ends the calls in flight (they throw <see cref="ObjectDisposedException"/>) and releases the HTTP pipeline this client created.</summary>
    protected virtual void Dispose(bool disposing)
    {
        // Idempotent: a client from dependency injection may be disposed by its container and by its user.
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _disposal.Cancel();
            _ownedHttpClient?.Dispose();
            _disposal.Dispose();
        }
    }

    private static (ContactsClientOptions, ContactsAdapter, ContactsResilience, ILogger) Initialize(
        ContactsClientOptions options, HttpClient httpClient, ILogger logger, CancellationToken disposal)
    {
        var adapter = options.CreateAdapter(httpClient);
        return (options, adapter, new ContactsResilience(options, adapter.Errors, logger, disposal), logger);
    }

    /// <summary>Checks an id given on its own; a null one is the caller's bug, anything else unusable is InvalidInput.</summary>
    private void RequireId(string id, string operation)
    {
        ArgumentNullException.ThrowIfNull(id);
        var errors = new List<ContactFieldError>();
        ContactConstraints.Id(id, 0, "Id", errors);
        if (errors.Count > 0)
        {
            throw Adapter.Errors.InvalidInput(operation, errors);
        }
    }

    private void Require(ContactsOperations operation)
    {
        if (!Capabilities.Supports(operation))
        {
            throw Adapter.Errors.NotSupported(operation.ToString());
        }
    }

    /// <summary>Applies the unsupported-field policy and validation to every item; throws before anything is sent.</summary>
    private List<IReadOnlyList<ContactField>> Prepare(List<Contact> contacts, string operation)
    {
        var (errors, notStored) = Check(contacts);
        if (errors.Count > 0)
        {
            throw Adapter.Errors.InvalidInput(operation, errors);
        }

        var reported = 0;
        foreach (var fields in notStored)
        {
            reported += fields.Count > 0 ? 1 : 0;
        }

        if (reported > 0)
        {
            LogNotStored(_logger, Provider, operation, reported);
        }

        return notStored;
    }

    /// <summary>Every field error of every item, and per item the fields reported as not stored.</summary>
    private (List<ContactFieldError> Errors, List<IReadOnlyList<ContactField>> NotStored) Check(List<Contact> contacts)
    {
        var errors = new List<ContactFieldError>();
        var notStored = new List<IReadOnlyList<ContactField>>(contacts.Count);
        // A small batch is searched in place for repeated ids: a dictionary costs more than the comparisons it saves.
        var seenIds = Adapter.RejectsDuplicateIdsInBatch && contacts.Count > SmallBatch ? new Dictionary<string, int>(contacts.Count, StringComparer.Ordinal) : null;
        for (var index = 0; index < contacts.Count; index++)
        {
            var contact = contacts[index] ?? throw new ArgumentException($"Item {index} is null.", nameof(contacts));
            var unsupported = ContactFieldInspector.NotStored(contact, Capabilities.StoredFields);
            if (unsupported.Count > 0 && Options.UnsupportedFields == UnsupportedFieldPolicy.Reject)
            {
                foreach (var field in unsupported)
                {
                    errors.Add(new ContactFieldError(index, field.ToString(), $"{Provider} cannot store this field"));
                }
            }

            notStored.Add(Options.UnsupportedFields == UnsupportedFieldPolicy.Report ? unsupported : []);
            Adapter.Validate(contact, index, errors);
            ContactConstraints.AllWellFormed(contact, index, errors);

            if (Adapter.RejectsDuplicateIdsInBatch && contact.Id is { } id && EarlierWithId(contacts, seenIds, id, index) is var earlier and >= 0)
            {
                errors.Add(new ContactFieldError(index, nameof(Contact.Id), $"repeats item {earlier}'s id; {Provider} cannot take one id twice in a batch"));
            }
        }

        return (errors, notStored);
    }

    /// <summary>The first item before <paramref name="index"/> with this id, or -1; <paramref name="seen"/> indexes large batches.</summary>
    private static int EarlierWithId(List<Contact> contacts, Dictionary<string, int>? seen, string id, int index)
    {
        if (seen is not null)
        {
            return seen.TryAdd(id, index) ? -1 : seen[id];
        }

        for (var earlier = 0; earlier < index; earlier++)
        {
            if (string.Equals(contacts[earlier].Id, id, StringComparison.Ordinal))
            {
                return earlier;
            }
        }

        return -1;
    }

    private async IAsyncEnumerable<T> StreamAsync<T>(
        string operation, Func<string?, CancellationToken, Task<ListPage<T>>> readPage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await RunAsync(operation, token => readPage(continuation, token), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);
    }

    private async Task RunChunksAsync(
        BatchRun batch, int chunkSize, string operation, Func<Range, CancellationToken, Task<IReadOnlyList<int>>> sendChunk, CancellationToken cancellationToken)
    {
        var chunks = new Range[(batch.Count + chunkSize - 1) / chunkSize];
        for (var chunk = 0; chunk < chunks.Length; chunk++)
        {
            chunks[chunk] = new Range(chunk * chunkSize, Math.Min(chunkSize, batch.Count - (chunk * chunkSize)));
        }

        await ForEachAsync(chunks, async (range, token) =>
        {
            if (batch.StopReason is { } stop)
            {
                batch.NotAttempted(range.Start, range.Count, stop);
                return;
            }

            try
            {
                var notFound = await sendChunk(range, token).ConfigureAwait(false);
                batch.Succeeded(range.Start, range.Count, notFound, Adapter.Errors, operation);
            }
            catch (ContactsException error)
            {
                batch.Failed(range.Start, range.Count, error);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunSinglesAsync(BatchRun batch, Func<int, CancellationToken, Task<ContactWriteOutcome>> sendOne, CancellationToken cancellationToken)
    {
        await ForEachAsync([.. Enumerable.Range(0, batch.Count)], async (index, token) =>
        {
            if (batch.StopReason is { } stop)
            {
                batch.NotAttempted(index, 1, stop);
                return;
            }

            try
            {
                await sendOne(index, token).ConfigureAwait(false);
                batch.Succeeded(index, 1, [], Adapter.Errors, string.Empty);
            }
            catch (ContactsException error)
            {
                batch.Failed(index, 1, error);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="body"/> for each item, <see cref="ContactsClientOptions.MaxConcurrency"/> at a time; one
    /// item, or a concurrency of one, runs inline: Parallel.ForEachAsync costs more than a single small request.
    /// </summary>
    private async Task ForEachAsync<T>(IReadOnlyList<T> items, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken)
    {
        if (items.Count <= 1 || Options.MaxConcurrency == 1)
        {
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await body(item, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Options.MaxConcurrency, CancellationToken = cancellationToken }, body)
            .ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} {Operation}: {Count} item(s) carry fields the provider cannot store; they are listed in the result's NotStored")]
    private static partial void LogNotStored(ILogger logger, string provider, string operation, int count);

    private readonly record struct Range(int Start, int Count);
}
