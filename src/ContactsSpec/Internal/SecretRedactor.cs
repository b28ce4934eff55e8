namespace ContactsSpec.Internal;

/// <summary>
/// Replaces credential values, raw or URL-encoded, with <c>***</c> in any text about to leave the library. Values
/// shorter than <see cref="MinimumLength"/> are left alone: they would match inside ordinary words (a token "t"
/// turned the provider's code "token fail" into "***oken fail") while protecting nothing.
/// </summary>
internal sealed class SecretRedactor
{
    public const int MinimumLength = 4;
    private const string Mask = "***";
    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string?> secrets)
    {
        _secrets = [.. secrets
            .Where(secret => secret is { Length: >= MinimumLength })
            .SelectMany(secret => new[] { secret!, Uri.EscapeDataString(secret!) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(secret => secret.Length)];
    }

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
