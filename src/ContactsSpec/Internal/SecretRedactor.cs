namespace ContactsSpec.Internal;

/// <summary>Replaces credential values, raw or URL-encoded, with <c>***</c> in any text about to leave the library.</summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string?> secrets)
    {
        _secrets = [.. secrets
            .Where(secret => !string.IsNullOrEmpty(secret))
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
