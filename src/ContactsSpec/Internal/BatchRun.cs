namespace ContactsSpec.Internal;

/// <summary>Collects a batch's per-item results; each index is written exactly once.</summary>
internal sealed class BatchRun(IReadOnlyList<string?> keys, IReadOnlyList<IReadOnlyList<ContactField>> notStored)
{
    private readonly ContactBatchItemResult?[] _results = new ContactBatchItemResult?[keys.Count];
    private ContactsException? _stopReason;

    public int Count => keys.Count;

    /// <summary>
    /// Set after a failure that every later item would repeat (bad credentials, no permission) or that asks for
    /// no more requests for now (a rate limit, with the provider's Retry-After): what is left is not sent.
    /// </summary>
    public ContactsException? StopReason => Volatile.Read(ref _stopReason);

    public void Succeeded(int start, int count, IReadOnlyList<int> notFound, ContactsErrorFactory errors, string operation)
    {
        for (var index = start; index < start + count; index++)
        {
            _results[index] = notFound.Contains(index)
                ? new ContactBatchItemResult(index, keys[index], ContactBatchItemStatus.Failed, errors.Provided(ContactsErrorKind.NotFound, operation, 200, null, "the provider does not know this id"), notStored[index])
                : new ContactBatchItemResult(index, keys[index], ContactBatchItemStatus.Succeeded, null, notStored[index]);
        }
    }

    public void Failed(int start, int count, ContactsException error)
    {
        if (error.Kind is ContactsErrorKind.Authentication or ContactsErrorKind.PermissionDenied || IsRateLimited(error))
        {
            Interlocked.CompareExchange(ref _stopReason, error, null);
        }

        for (var index = start; index < start + count; index++)
        {
            var status = error.Kind == ContactsErrorKind.OutcomeUnknown ? ContactBatchItemStatus.OutcomeUnknown : ContactBatchItemStatus.Failed;
            _results[index] = new ContactBatchItemResult(index, keys[index], status, ItemError(error, index - start, index), notStored[index]);
        }
    }

    public void NotAttempted(int start, int count, ContactsException reason)
    {
        for (var index = start; index < start + count; index++)
        {
            _results[index] = new ContactBatchItemResult(index, keys[index], ContactBatchItemStatus.NotAttempted, reason, notStored[index]);
        }
    }

    // The provider asks for fewer requests (HTTP 429, or any Retry-After), not a per-item "try again" such as
    // WAMM's "phone not checked for WhatsApp, please retry" inside HTTP 200.
    private static bool IsRateLimited(ContactsException error) =>
        error.Kind == ContactsErrorKind.RetryLater && (error.Status == 429 || error.RetryAfter is not null);

    public ContactBatchResult ToResult()
    {
        var index = Array.IndexOf(_results, null);
        return index < 0 ? new([.. _results!]) : throw new InvalidOperationException($"Batch item {index} has no result.");
    }

    // A provider's per-item report (INVALID_CONTACTS_DATA) names positions within the chunk; the caller's
    // item gets only its own field errors, at its own index.
    private static ContactsException ItemError(ContactsException error, int positionInChunk, int index)
    {
        if (error.FieldErrors.Count == 0)
        {
            return error;
        }

        var own = error.FieldErrors.Where(field => field.Index == positionInChunk).Select(field => field with { Index = index }).ToList();
        return new ContactsException(
            error.Kind, error.Provider, error.Operation,
            own.Count > 0 ? error.Message : $"{error.Message} (rejected with its batch; this item itself was not reported invalid)",
            error.Status, error.ProviderCode, own, error.IsRetryable, error.RetryAfter, error.InnerException);
    }
}
