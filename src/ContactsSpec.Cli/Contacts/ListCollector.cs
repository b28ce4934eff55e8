using ContactsSpec.Cli.Output;
using Spectre.Console;

namespace ContactsSpec.Cli.Contacts;

/// <summary>Reads a listing into memory up to a limit, with a live count on a terminal.</summary>
internal static class ListCollector
{
    public static async Task<List<T>> CollectAsync<T>(CliConsole console, string text, IAsyncEnumerable<T> items, int max)
    {
        async Task<List<T>> ReadAsync(Action<int>? progress)
        {
            var list = new List<T>();
            if (max <= 0)
            {
                return list;
            }

            await foreach (var item in items)
            {
                list.Add(item);
                progress?.Invoke(list.Count);
                if (list.Count >= max)
                {
                    break;
                }
            }

            return list;
        }

        return console.ShowsProgress
            ? await console.Error.Status().StartAsync(text, context => ReadAsync(count => context.Status($"{Markup.Escape(text)}: {count}")))
            : await ReadAsync(null);
    }
}
