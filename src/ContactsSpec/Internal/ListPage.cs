namespace ContactsSpec.Internal;

/// <summary>One page of a listing and where the next one starts (null after the last page).</summary>
internal sealed record ListPage<T>(IReadOnlyList<T> Items, string? Continuation);
