using System.CommandLine;

namespace ContactsSpec.Cli;

/// <summary><c>--provider</c> for <c>conformance</c> and <c>contacts-spec-regenerate</c>: repeatable, or a comma-separated list.</summary>
internal static class ProviderFilter
{
    public static Option<string[]> CreateOption(string description) => new("--provider", "-p")
    {
        Description = description,
        AllowMultipleArgumentsPerToken = false,
        HelpName = string.Join('|', ContactsProviders.All),
    };

    /// <summary>The selected keys (null: all), each checked against <paramref name="known"/>.</summary>
    public static IReadOnlySet<string>? Read(string[]? values, IReadOnlyCollection<string> known)
    {
        var keys = (values ?? [])
            .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return null;
        }

        var unknown = keys.Where(key => !known.Contains(key)).ToList();
        if (unknown.Count > 0)
        {
            throw CliException.Usage($"Unknown provider {string.Join(", ", unknown.Select(key => $"'{key}'"))}; the providers are {string.Join(", ", known)}.");
        }

        return keys;
    }
}
