using System;
using System.Text;
using System.Text.RegularExpressions;

namespace PasswordSafe.Http;

/// <summary>
/// Central redaction for everything that reaches Verbose/Debug or error text: the Authorization header,
/// cookies, request ids in URLs, and secret-looking JSON properties.
/// </summary>
internal static class Redactor
{
    public const string Mask = "****";

    // Request ids release credentials (E1), so they are masked like the BeyondTrust Go client does.
    // Repeated slashes count as one, as servers read them: Credentials//14 still names request 14.
    // Any segment but a word of letters only: ids (digits, or digits percent-encoded) are masked, while the actions after
    // those words (ManagedAccounts/2/Credentials/Change, .../Credentials/Test, .../Requests/Terminate) stay readable.
    private static readonly Regex IdAfterSensitiveSegment = new Regex(
        @"(?i)((?:^|/)(?:Credentials|Requests)/+)(?![A-Za-z]+(?:[/?#]|$))([^/?#]+)", RegexOptions.CultureInvariant);

    // The same ids inside free text (a server's message that repeats the path): numbers only, so "Requests/Checkin" stays.
    private static readonly Regex IdInText = new Regex(
        @"(?i)(\b(?:Credentials|Requests)/+)(\d+)", RegexOptions.CultureInvariant);

    private static readonly Regex RunAsBeforePassword = new Regex(
        @"(?i)\brunas=([^;]*)", RegexOptions.CultureInvariant);

    private static readonly Regex SecretJsonProperty = new Regex(
        @"(?i)(?<lead>""(?<name>[A-Za-z0-9_]*(?:password|secret|passphrase|challenge)[A-Za-z0-9_]*|[A-Za-z0-9_]*(?:token|key))""\s*:\s*)(?<value>""(?:[^""\\]|\\.)*""|[^,}\]\s]+)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly char[] QueryOrFragment = { '?', '#' };

    /// <summary>
    /// A path (without its query) as the server will route it: percent-escapes decoded (<c>%4Bey</c> is <c>Key</c>)
    /// and trailing slashes and dots dropped (<c>Key/</c> and <c>Key/.</c> are <c>Key</c>), so a secret-bearing
    /// call cannot pass for another.
    /// </summary>
    internal static string AsServerReadsIt(string path)
    {
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            decoded = path;
        }

        return decoded.TrimEnd('/', '.');
    }

    // A date as the API writes it (2027-01-31, 2027-01-31T08:00:00, with fractions and Z or an offset), and nothing else.
    private static readonly Regex JsonDate = new Regex(
        @"^""\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?""$",
        RegexOptions.CultureInvariant);

    /// <summary>Masks the ids after <c>Credentials/</c> and <c>Requests/</c>; the query string is kept.</summary>
    public static string RedactUri(string uri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return uri;
        }

        var queryStart = uri.IndexOf('?');
        var path = queryStart < 0 ? uri : uri.Substring(0, queryStart);
        var query = queryStart < 0 ? string.Empty : uri.Substring(queryStart);
        return IdAfterSensitiveSegment.Replace(path, "$1" + Mask) + query;
    }

    /// <summary>The URL as sent (percent-encoded, so it can be pasted into curl), ids masked.</summary>
    public static string RedactUri(Uri uri) => RedactUri(uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString);

    /// <summary>Masks request ids after <c>Credentials/</c> and <c>Requests/</c> anywhere in a text, e.g. an error body.</summary>
    public static string RedactRequestIdsInText(string text) => IdInText.Replace(text, "$1" + Mask);

    /// <summary>
    /// Redacts an Authorization value: <c>PS-Auth key=***; runas=demo; pwd=[***]; challenge=***;</c> or <c>Bearer ***</c>.
    /// Only the run-as name survives, and it is read from the part before <c>pwd=[</c> so a password
    /// containing <c>runas=</c> cannot leak.
    /// </summary>
    public static string RedactAuthorization(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var trimmed = value!.Trim();
        var space = trimmed.IndexOf(' ');
        var scheme = space < 0 ? trimmed : trimmed.Substring(0, space);
        if (!scheme.Equals("PS-Auth", StringComparison.OrdinalIgnoreCase))
        {
            return scheme + " ***";
        }

        var passwordStart = trimmed.IndexOf("pwd=[", StringComparison.OrdinalIgnoreCase);
        var beforePassword = passwordStart < 0 ? trimmed : trimmed.Substring(0, passwordStart);
        var afterPassword = passwordStart < 0 ? trimmed : trimmed.Substring(trimmed.LastIndexOf(']') + 1);

        var builder = new StringBuilder("PS-Auth key=***;");
        var runAs = RunAsBeforePassword.Match(beforePassword);
        if (runAs.Success)
        {
            builder.Append(" runas=").Append(runAs.Groups[1].Value.Trim()).Append(';');
        }

        if (passwordStart >= 0)
        {
            builder.Append(" pwd=[***];");
        }

        if (afterPassword.IndexOf("challenge=", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            builder.Append(" challenge=***;");
        }

        return builder.ToString();
    }

    /// <summary>Redacts one header for Debug output; cookies and authorization never show their values.</summary>
    public static string RedactHeader(string name, string value)
    {
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
        {
            return RedactAuthorization(value);
        }

        if (name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
        {
            var equals = value.IndexOf('=');
            return equals < 0 ? "***" : value.Substring(0, equals) + "=***";
        }

        return value;
    }

    /// <summary>
    /// Replaces values of JSON properties whose names look secret (Password, ClientSecret, Key…), except values that
    /// cannot be one: see <see cref="IsNotASecret"/>.
    /// </summary>
    public static string RedactJson(string json) =>
        SecretJsonProperty.Replace(json, m => IsNotASecret(m.Groups["name"].Value, m.Groups["value"].Value)
            ? m.Value
            : m.Groups["lead"].Value + "\"***\"");

    /// <summary>
    /// Facts about a secret that debugging needs and that cannot be the secret itself, judged by the value's JSON type
    /// and never by the name alone: a boolean or null (<c>UserPasswordRequired</c>, <c>CheckPasswordFlag</c>), a whole
    /// number under an <c>…ID</c> name (<c>PasswordRuleID</c>), a date under a <c>…Date</c>/<c>…On</c>/<c>…Time</c>/<c>…At</c>
    /// name (<c>ClientSecretExpiryDate</c>). Anything else, a number or a date-like text under <c>Password</c> too, stays masked.
    /// </summary>
    internal static bool IsNotASecret(string name, string value)
    {
        if (value == "true" || value == "false" || value == "null")
        {
            return true;
        }

        if (name.EndsWith("ID", StringComparison.OrdinalIgnoreCase))
        {
            return IsWholeNumber(value);
        }

        var namesADate = name.EndsWith("Date", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("Time", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("On", StringComparison.Ordinal)
            || name.EndsWith("At", StringComparison.Ordinal);
        return namesADate && JsonDate.IsMatch(value);
    }

    private static bool IsWholeNumber(string value)
    {
        var start = value.StartsWith("-", StringComparison.Ordinal) ? 1 : 0;
        if (value.Length == start)
        {
            return false;
        }

        for (var i = start; i < value.Length; i++)
        {
            if (value[i] < '0' || value[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Bodies of these calls may carry keys, passwords, secrets or tokens (Auth/*, credentials, key read and
    /// rotate, secret recycle, Secrets Safe), so Debug never shows them.
    /// </summary>
    public static bool IsSensitivePath(string relativePath)
    {
        var path = relativePath.TrimStart('/');
        var query = path.IndexOfAny(QueryOrFragment);
        if (query >= 0)
        {
            path = path.Substring(0, query);
        }

        path = AsServerReadsIt(path);

        return path.StartsWith("Auth/", StringComparison.OrdinalIgnoreCase)
            || path.IndexOf("Credentials", StringComparison.OrdinalIgnoreCase) >= 0
            || path.IndexOf("Secrets-Safe", StringComparison.OrdinalIgnoreCase) >= 0
            || path.IndexOf("RecycleClientSecret", StringComparison.OrdinalIgnoreCase) >= 0
            || path.EndsWith("/Key", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith("/Rotate", StringComparison.OrdinalIgnoreCase);
    }
}
