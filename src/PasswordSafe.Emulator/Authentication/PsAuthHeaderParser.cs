using System;
using System.Collections.Generic;

namespace PasswordSafe.Emulator.Authentication;

/// <summary>
/// B1: parses <c>PS-Auth key=…; runas=…; pwd=[…]; challenge=…;</c>. Names are case-insensitive, spaces and the
/// trailing ';' are optional, unknown names are ignored. The bracketed pwd may itself hold ';' and ']': it ends at
/// the first ']' followed (after optional spaces) by the end, or by ';' and then the end or a known name and '='.
/// Error texts never quote the header, since it carries the key and password.
/// </summary>
internal static class PsAuthHeaderParser
{
    internal const string Scheme = "PS-Auth";
    private static readonly string[] KnownNames = ["key", "runas", "pwd", "challenge"];

    internal static bool TryParse(string? header, out PsAuthHeader? parsed, out string error)
    {
        parsed = null;
        var text = header?.Trim() ?? string.Empty;
        if (!text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ||
            (text.Length > Scheme.Length && !char.IsWhiteSpace(text[Scheme.Length])))
        {
            error = "the Authorization header does not use the PS-Auth scheme";
            return false;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = text[Scheme.Length..];
        var i = 0;
        while (true)
        {
            i = SkipSeparators(rest, i);
            if (i >= rest.Length) break;
            var equals = rest.IndexOf('=', i);
            var semicolon = rest.IndexOf(';', i);
            if (equals < 0 || (semicolon >= 0 && semicolon < equals))
            {
                error = "a part of the PS-Auth header is not written name=value";
                return false;
            }
            var name = rest[i..equals].Trim();
            string value;
            var valueStart = SkipSpaces(rest, equals + 1);
            if (name.Equals("pwd", StringComparison.OrdinalIgnoreCase) && valueStart < rest.Length && rest[valueStart] == '[')
            {
                var close = FindPasswordEnd(rest, valueStart + 1);
                if (close < 0)
                {
                    error = "pwd=[ has no closing ]";
                    return false;
                }
                value = rest[(valueStart + 1)..close];
                i = close + 1;
            }
            else
            {
                var end = semicolon < 0 ? rest.Length : semicolon;
                value = rest[valueStart..end].Trim();
                i = end;
            }
            if (!values.TryAdd(name, value))
            {
                error = $"'{name}' appears twice in the PS-Auth header";
                return false;
            }
        }

        if (!values.TryGetValue("key", out var key) || key.Length == 0)
        {
            error = "the PS-Auth header has no key=";
            return false;
        }
        parsed = new PsAuthHeader(key, Blank(values.GetValueOrDefault("runas")), values.GetValueOrDefault("pwd"),
            Blank(values.GetValueOrDefault("challenge")));
        error = string.Empty;
        return true;
    }

    private static int FindPasswordEnd(string text, int from)
    {
        // First choice: a ']' that clearly closes the value. Fallback: the last ']' before ';' or the end,
        // for headers that carry names this parser does not know after the password.
        var lastPlausible = -1;
        for (var k = from; k < text.Length; k++)
        {
            if (text[k] != ']') continue;
            var after = SkipSpaces(text, k + 1);
            if (after == text.Length) return k;
            if (text[after] != ';') continue;
            lastPlausible = k;
            var next = SkipSeparators(text, after);
            if (next == text.Length || StartsWithKnownName(text, next)) return k;
        }
        return lastPlausible;
    }

    private static bool StartsWithKnownName(string text, int at)
    {
        foreach (var name in KnownNames)
        {
            if (string.Compare(text, at, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
            var after = SkipSpaces(text, at + name.Length);
            if (after < text.Length && text[after] == '=') return true;
        }
        return false;
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static int SkipSeparators(string text, int i)
    {
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ';')) i++;
        return i;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
