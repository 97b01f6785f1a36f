using System;
using PasswordSafe.Internal;

namespace PasswordSafe.Http;

/// <summary>
/// Turns what users type for <c>-Uri</c> into the API base (B3): <c>host</c>, <c>host:port</c>,
/// <c>https://host</c>, the full <c>/BeyondTrust/api/public/v3</c> base or the legacy
/// <c>/eEye.RetinaCS.Server/api/public/v3</c> one, with or without a trailing slash.
/// </summary>
internal static class BaseUriParser
{
    public const string BasePath = "BeyondTrust/api/public/v3";
    public const string LegacyBasePath = "eEye.RetinaCS.Server/api/public/v3";

    private static readonly string[] PartialBasePaths = { "BeyondTrust", "BeyondTrust/api", "BeyondTrust/api/public" };

    private static readonly char[] AuthorityEnd = { '/', '?', '#', '\\' };

    /// <summary>Returns the base URI, always ending with <c>/</c>; throws InvalidUri or HttpsRequired.</summary>
    public static Uri Parse(string? input)
    {
        var text = (input ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw Invalid("The -Uri value is empty.");
        }

        // Errors repeat what was typed, but never a password typed into the address.
        var shown = WithoutUserInfo(text);
        if (!ReferenceEquals(shown, text))
        {
            throw Invalid($"'{shown}' carries a user name or password, which is never sent: Password Safe signs in with an API key and a run-as user.");
        }

        var hasScheme = text.IndexOf("://", StringComparison.Ordinal) >= 0;
        if (!Uri.TryCreate(hasScheme ? text : "https://" + text, UriKind.Absolute, out var uri))
        {
            throw Invalid($"'{text}' is not a valid host name or URL.");
        }

        if (uri.Scheme.Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            // B2: the API refuses plain HTTP and the key would travel in clear text.
            throw new PasswordSafeException(ErrorIds.HttpsRequired,
                $"'{text}' uses http://; Password Safe accepts HTTPS only (the API key would travel in clear text).",
                "Use an https:// address, or just the host name.");
        }

        if (!uri.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo)
            || Uri.CheckHostName(uri.IdnHost) == UriHostNameType.Unknown)
        {
            throw Invalid($"'{text}' is not a valid Password Safe address.");
        }

        var path = uri.AbsolutePath.Trim('/');
        string basePath;
        if (EndsWithSegment(path, BasePath) || EndsWithSegment(path, LegacyBasePath))
        {
            basePath = path;
        }
        else
        {
            var completed = false;
            basePath = path;
            foreach (var partial in PartialBasePaths)
            {
                if (EndsWithSegment(path, partial))
                {
                    basePath = path.Substring(0, path.Length - partial.Length) + BasePath;
                    completed = true;
                    break;
                }
            }

            if (!completed)
            {
                // A reverse-proxy prefix (https://host/pam) keeps its path; the API base goes under it.
                basePath = path.Length == 0 ? BasePath : path + "/" + BasePath;
            }
        }

        var builder = new UriBuilder(uri.Scheme, uri.Host, uri.Port, "/" + basePath + "/");
        return builder.Uri;
    }

    private static bool EndsWithSegment(string path, string suffix)
    {
        if (!path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return path.Length == suffix.Length || path[path.Length - suffix.Length - 1] == '/';
    }

    /// <summary>
    /// The address with anything before an <c>@</c> in its authority masked (<c>https://***@host</c>), or the same
    /// string when it has none.
    /// </summary>
    public static string WithoutUserInfo(string text)
    {
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var end = text.IndexOfAny(AuthorityEnd, start);
        if (end < 0)
        {
            end = text.Length;
        }

        var at = end == start ? -1 : text.LastIndexOf('@', end - 1, end - start);
        return at < 0 ? text : text.Substring(0, start) + "***" + text.Substring(at);
    }

    private static PasswordSafeException Invalid(string message) =>
        new PasswordSafeException(ErrorIds.InvalidUri, message,
            "Pass the server's host name (pam.example.com) or its API base (https://pam.example.com/BeyondTrust/api/public/v3).");
}
