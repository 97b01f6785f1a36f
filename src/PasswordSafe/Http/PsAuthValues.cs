using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PasswordSafe.Http;

/// <summary>
/// Checks the values that go into the <c>PS-Auth</c> header (and the C4 <c>RunAs</c> header) before anything is
/// sent (B1, A5): a value with <c>;</c> or a line break would let one field inject another (e.g. a key carrying
/// <c>; runas=admin</c>), and a key of the wrong shape can only fail and still write an audit entry on the server.
/// Header values must be ASCII: .NET refuses anything else at send time (an error that looks like a network
/// failure), and .NET Framework (Windows PowerShell 5.1) sends Latin-1 and turns the rest into '?', so a
/// different password would reach the server and be logged as a failed sign-in.
/// </summary>
internal static class PsAuthValues
{
    // A5: new keys are 128 random letters/digits; old registrations keep GUID-style keys.
    private static readonly Regex KeyShape = new Regex(
        @"\A(?:[A-Za-z0-9]{128}|\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?)\z",
        RegexOptions.CultureInvariant);

    // Never the character itself: the message must stay ASCII (redirected Windows PowerShell output), and a secret's
    // characters are not named at all.
    private const string NonAsciiSecret =
        "it contains a character outside ASCII (such as an accented letter), and HTTP headers carry ASCII characters only";

    /// <summary>True when the key has the shape of a Password Safe API key (never echoes the key).</summary>
    public static bool IsWellFormedKey(string? key) => key != null && KeyShape.IsMatch(key.Trim());

    /// <summary>
    /// The reason a header field value cannot be sent, or null when it can. <paramref name="isSecret"/> keeps the
    /// offending character out of the reason (a one-time code); a user name's character is named by code point.
    /// </summary>
    public static string? ProblemWithField(string? value, bool isSecret = false)
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

            if (c > '\u007F')
            {
                return isSecret ? NonAsciiSecret : NonAscii(c);
            }
        }

        return null;
    }

    /// <summary>Passwords go inside <c>[...]</c> and may hold <c>;</c> and <c>]</c>, but never a line break or a non-ASCII character.</summary>
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

        return IsAscii(password) ? null : NonAsciiSecret;
    }

    /// <summary>True when every character of the value is ASCII (a header can carry it unchanged on every runtime).</summary>
    public static bool IsAscii(string? value)
    {
        if (value == null)
        {
            return true;
        }

        foreach (var c in value)
        {
            if (c > '\u007F')
            {
                return false;
            }
        }

        return true;
    }

    private static string NonAscii(char c) =>
        "it contains the character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
        + ", which is not ASCII, and HTTP headers carry ASCII characters only";
}
