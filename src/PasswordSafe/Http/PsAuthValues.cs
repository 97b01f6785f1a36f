using System;
using System.Text.RegularExpressions;

namespace PasswordSafe.Http;

/// <summary>
/// Checks the values that go into the <c>PS-Auth</c> header before anything is sent (B1, A5): a value with
/// <c>;</c> or a line break would let one field inject another (e.g. a key carrying <c>; runas=admin</c>),
/// and a key of the wrong shape can only fail and still write an audit entry on the server.
/// </summary>
internal static class PsAuthValues
{
    // A5: new keys are 128 random letters/digits; old registrations keep GUID-style keys.
    private static readonly Regex KeyShape = new Regex(
        @"\A(?:[A-Za-z0-9]{128}|\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?)\z",
        RegexOptions.CultureInvariant);

    /// <summary>True when the key has the shape of a Password Safe API key (never echoes the key).</summary>
    public static bool IsWellFormedKey(string? key) => key != null && KeyShape.IsMatch(key.Trim());

    /// <summary>The reason a header field value cannot be sent, or null when it can.</summary>
    public static string? ProblemWithField(string? value)
    {
        if (value == null)
        {
            return null;
        }

        foreach (var c in value)
        {
            if (c == ';')
            {
                return "it contains ';', which separates the fields of the PS-Auth header";
            }

            if (char.IsControl(c))
            {
                return "it contains a control character (such as a line break)";
            }
        }

        return null;
    }

    /// <summary>Passwords go inside <c>[…]</c> and may hold <c>;</c> and <c>]</c>, but never a line break.</summary>
    public static string? ProblemWithPassword(string? password)
    {
        if (password == null)
        {
            return null;
        }

        foreach (var c in password)
        {
            if (c == '\r' || c == '\n' || c == '\0')
            {
                return "it contains a line break or NUL character, which cannot travel in an HTTP header";
            }
        }

        return null;
    }
}
