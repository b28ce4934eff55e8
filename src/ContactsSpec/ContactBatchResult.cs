namespace ContactsSpec;

/// <summary>The outcome of a batch operation: exactly one entry per input item, in input order.</summary>
/// <param name="Items">One result per input item.</param>
public sealed record ContactBatchResult(IReadOnlyList<ContactBatchItemResult> Items)
{
    /// <summary>The items the provider accepted.</summary>
    public IEnumerable<ContactBatchItemResult> Succeeded => Items.Where(item => item.Status == ContactBatchItemStatus.Succeeded);

    /// <summary>The items that failed.</summary>
    public IEnumerable<ContactBatchItemResult> Failed => Items.Where(item => item.Status == ContactBatchItemStatus.Failed);

    /// <summary>The items not sent.</summary>
    public IEnumerable<ContactBatchItemResult> NotAttempted => Items.Where(item => item.Status == ContactBatchItemStatus.NotAttempted);

    /// <summary>The items sent whose outcome is not known: check them before sending them again.</summary>
    public IEnumerable<ContactBatchItemResult> OutcomeUnknown => Items.Where(item => item.Status == ContactBatchItemStatus.OutcomeUnknown);

    /// <summary>Whether every item succeeded.</summary>
    public bool AllSucceeded => Items.All(item => item.Status == ContactBatchItemStatus.Succeeded);
}
