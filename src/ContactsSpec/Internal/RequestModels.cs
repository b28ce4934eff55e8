using System.Collections.ObjectModel;

namespace ContactsSpec.Internal;

/// <summary>Helpers for the request objects adapters build for the generated clients, once per call.</summary>
internal static class RequestModels
{
    /// <summary>
    /// An extension-data bag for a request object: shared, read-only and empty. NSwag's models create an empty dictionary
    /// the first time AdditionalProperties is read, and the serialiser reads it on every object it writes; this bag
    /// writes the same nothing and costs nothing.
    /// </summary>
    public static IDictionary<string, object> NoAdditionalProperties { get; } = new ReadOnlyDictionary<string, object>(new Dictionary<string, object>());

    /// <summary>Maps every item into a list of exactly its size, without an iterator.</summary>
    public static List<TResult> Map<TSource, TResult>(IReadOnlyList<TSource> items, Func<TSource, TResult> map)
    {
        var results = new List<TResult>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            results.Add(map(items[index]));
        }

        return results;
    }
}
