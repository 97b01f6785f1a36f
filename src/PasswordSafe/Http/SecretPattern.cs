using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PasswordSafe.Http;

/// <summary>
/// Finds one secret in a text however a server wrote it. Each character may stand as itself (any case, as the plain echo
/// was always matched) or escaped: <c>\uXXXX</c> in either case of hex (ASP.NET's default JSON encoder writes <c>+</c>,
/// quotes, <c>&lt;</c> <c>&gt;</c> <c>&amp;</c> and every letter beyond ASCII so), JSON's short escapes and a backslash before
/// punctuation (<c>\"</c> <c>\\</c> <c>\/</c> <c>\'</c>), HTML character references (<c>&amp;#43;</c> <c>&amp;#x2B;</c>
/// <c>&amp;amp;</c>) and percent-escaped UTF-8 (<c>%2B</c>, <c>+</c> for a space). The forms may mix, as encoders escape
/// only some characters, and the backslash of an escape may be doubled, for a message that was JSON inside JSON.
/// </summary>
internal static class SecretPattern
{
    /// <summary>
    /// A search that ran this long is given up and the text withheld. Ordinary secrets never come near it; only one
    /// made of many backslashes, each of which may be written plain or escaped, can make the ways to try multiply.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    // The backslash of an escape, doubled for each level of JSON inside JSON (up to three), taken whole and bounded so a
    // long run of backslashes costs the search no more than a short one.
    private const string Backslashes = @"(?>\\{1,4})";

    public static Regex For(string secret)
    {
        var pattern = new StringBuilder();
        for (var i = 0; i < secret.Length; i++)
        {
            var pair = char.IsHighSurrogate(secret[i]) && i + 1 < secret.Length && char.IsLowSurrogate(secret[i + 1]);
            AppendCharacter(pattern, secret.Substring(i, pair ? 2 : 1));
            i += pair ? 1 : 0;
        }

        return new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
    }

    /// <summary>One character (one UTF-16 unit, or a surrogate pair) in every form it may take.</summary>
    private static void AppendCharacter(StringBuilder pattern, string character)
    {
        pattern.Append("(?:");
        if (character.Length == 2)
        {
            // Beyond the BMP JSON escapes each half on its own.
            pattern.Append(Unit(character[0])).Append(Unit(character[1]));
        }
        else
        {
            pattern.Append(Unit(character[0]));
            AppendBackslashForms(pattern, character[0]);
        }

        if (!char.IsSurrogate(character[0]) || character.Length == 2)
        {
            AppendHtmlForms(pattern, char.ConvertToUtf32(character, 0));
            AppendPercentForms(pattern, character);
        }

        pattern.Append(')');
    }

    /// <summary>The unit as itself, or as <c>\uXXXX</c> of it or of its other case (the plain echo matches any case).</summary>
    private static string Unit(char unit)
    {
        var forms = new StringBuilder("(?:").Append(Regex.Escape(unit.ToString()));
        foreach (var variant in new[] { unit, char.ToUpperInvariant(unit), char.ToLowerInvariant(unit) })
        {
            forms.Append('|').Append(Backslashes).Append('u').Append(((int)variant).ToString("x4", CultureInfo.InvariantCulture));
        }

        return forms.Append(')').ToString();
    }

    private static void AppendBackslashForms(StringBuilder pattern, char c)
    {
        var shortEscape = c switch
        {
            '\b' => "b",
            '\f' => "f",
            '\n' => "n",
            '\r' => "r",
            '\t' => "t",
            '\\' => string.Empty, // the backslash itself: \\, or \\\\ inside JSON inside JSON
            _ => c < 128 && !char.IsLetterOrDigit(c) && !char.IsControl(c) ? Regex.Escape(c.ToString()) : null, // \" \/ \'
        };
        if (shortEscape != null)
        {
            pattern.Append('|').Append(Backslashes).Append(shortEscape);
        }
    }

    private static void AppendHtmlForms(StringBuilder pattern, int codePoint)
    {
        pattern.Append("|&#0*").Append(codePoint.ToString(CultureInfo.InvariantCulture)).Append(';')
            .Append("|&#x0*").Append(codePoint.ToString("x", CultureInfo.InvariantCulture)).Append(';');
        var named = codePoint switch
        {
            '&' => "amp",
            '<' => "lt",
            '>' => "gt",
            '"' => "quot",
            '\'' => "apos",
            _ => null,
        };
        if (named != null)
        {
            pattern.Append("|&").Append(named).Append(';');
        }
    }

    private static void AppendPercentForms(StringBuilder pattern, string character)
    {
        pattern.Append('|');
        foreach (var b in Encoding.UTF8.GetBytes(character))
        {
            pattern.Append('%').Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        if (character == " ")
        {
            pattern.Append(@"|\+");
        }
    }
}
