using System.Security.Cryptography;
using System.Text;

namespace ContactsSpec.Cli.Docs;

/// <summary>
/// The fingerprint an <c>x-source</c> records of a section's text: a hash of the text normalised so that changes of
/// whitespace and markup do not count (the same words in HTML or in plain text with table bars give the same
/// fingerprint). It says whether the text changed, and holds none of it.
/// </summary>
internal static class SectionFingerprint
{
    public const string Prefix = "sha256:";

    // 16 hex digits (64 bits) tell a changed section from an unchanged one; the spec stays readable.
    private const int Digits = 16;

    public static string Of(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(text)));
        return Prefix + Convert.ToHexStringLower(hash)[..Digits];
    }

    /// <summary>The text as compared: Unicode NFKC, table bars and code quotes as spaces, every run of whitespace one space.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(character) || character is '|' or '`' or '\u2502')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
        }

        return builder.ToString();
    }
}
