namespace ContactsSpec;

/// <summary>The provider keys, as used in options, DI registration, errors and the CLI.</summary>
public static class ContactsProviders
{
    /// <summary>WAMM.chat API2.</summary>
    public const string Wamm = "wamm";

    /// <summary>Wawp v2.</summary>
    public const string Wawp = "wawp";

    /// <summary>WaSMS.Net.</summary>
    public const string Wasms = "wasms";

    /// <summary>Wazzup partner API v2.</summary>
    public const string WazzupV2 = "wazzup-v2";

    /// <summary>Wazzup API v3.</summary>
    public const string WazzupV3 = "wazzup-v3";

    /// <summary>Every provider key.</summary>
    public static IReadOnlyList<string> All { get; } = [Wamm, Wawp, Wasms, WazzupV2, WazzupV3];
}
