using FsCheck;
using FsCheck.Fluent;

namespace ContactsSpec.Reliability.Tests.Support;

/// <summary>FsCheck generators of hostile text: what a CRM export, a careless caller or an attacker may hand the facade.</summary>
internal static class Hostile
{
    private static readonly string[] _tricky =
    [
        "😀", "👨‍👩‍👧", "שלום", "مرحبا", "Ivan", "Ива́н", "e\u0301", "\u200B", "\u200D", "\uFEFF", "\u202E", "\u2066", "\u00A0", "\u3000", "Ⅻ",
        "\U0001D400", "ﷺ", "ß", "İ", "ǅ", "\uFFFD", "\uFFFF", "\u0000", "漢字", "🇷🇺",
    ];

    private static readonly string[] _urlPieces =
    [
        "/", "?", "#", "%", "&", "..", " ", "=", "+", "%2F", "%2f", "%00", "%25", "../", "./", ".", "\\", "@", ":", ";", ",", "'", "\"", "<", ">",
        "{", "}", "|", "^", "`", "[", "]", "~", "*", "$", "!", "(", ")", "a", "Z", "7", "0", "%20", "\r\n", "\t", "--", "&name=x", "?x=1", "#frag",
    ];

    private static readonly string[] _blank = ["", " ", "  ", "\t", "\r\n", "\n", "\u00A0", "\u3000", "\u2003", " \t "];

    private static readonly string[] _dots = [".", "..", "...", "./", "../", "..%2F", "%2e%2e", "%2E", ".. ", " .."];

    /// <summary>Arbitrary strings (FsCheck's own: any UTF-16 code unit, lone surrogates included), never null.</summary>
    public static Gen<string> Arbitrary { get; } = ArbMap.Default.GeneratorFor<string>().Select(text => text ?? string.Empty);

    public static Gen<string> Unicode { get; } = Gen.Elements(_tricky).ListOf().Select(parts => string.Concat(parts));

    public static Gen<string> Control { get; } =
        from before in Gen.Elements(_tricky.Concat(["a", "7", " "]))
        from control in Gen.Choose(0, 0x1F).Select(code => (char)code).Or(Gen.Elements('\u007F', '\u0085', '\u2028', '\u2029'))
        from after in Gen.Elements("", "x", "7", "\r\n")
        select before + control + after;

    public static Gen<string> Overlong { get; } =
        from length in Gen.Choose(101, 3000)
        from unit in Gen.Elements("a", "7", "é", "😀", "/", " ")
        select string.Concat(Enumerable.Repeat(unit, length / unit.Length));

    public static Gen<string> Blank { get; } = Gen.Elements(_blank);

    public static Gen<string> UrlSpecial { get; } = Gen.Elements(_urlPieces).NonEmptyListOf().Select(parts => string.Concat(parts.Take(8)));

    public static Gen<string> Dots { get; } = Gen.Elements(_dots);

    public static Gen<string> LoneSurrogate { get; } = Gen.Elements("\uD800", "\uDC00", "a\uD83Db", "x\uDE00", "😀"[..1]);

    /// <summary>Any of the hostile shapes.</summary>
    public static Gen<string> Text { get; } = Gen.Frequency(
        (3, Arbitrary), (2, Unicode), (2, Control), (1, Overlong), (2, Blank), (3, UrlSpecial), (1, Dots), (1, LoneSurrogate));

    /// <summary>The valid value half of the time, a hostile one otherwise.</summary>
    public static Gen<string> Or(string valid) => Gen.Frequency((1, Gen.Constant(valid)), (1, Text));

    /// <summary>Unset (null) half of the time, otherwise valid or hostile.</summary>
    public static Gen<string?> Optional(string valid) => Gen.Frequency((2, Gen.Constant<string?>(null)), (1, Gen.Constant<string?>(valid)), (1, Text.Select(text => (string?)text)));

    /// <summary>A credential: a fresh marker (for the leak scan), then a valid or hostile tail.</summary>
    public static Gen<string> Credential { get; } =
        Gen.Fresh(Evidence.Marker).SelectMany(marker => Gen.Frequency(
            (2, Gen.Constant(marker)),
            (1, Text.Select(tail => marker + tail)),
            (1, UrlSpecial.Select(tail => marker + tail)),
            // Blank or a dot segment alone: no marker, so only its placement can be checked.
            (1, Dots.Or(Blank))));
}
