using System;
using PasswordSafe.Internal;

namespace PasswordSafe.Http;

/// <summary>
/// A 401 whose WWW-Authenticate names a scheme Password Safe never asks for (Negotiate or NTLM from IIS Windows
/// authentication, Basic or Digest from a proxy): the web server or a proxy refused the call before the API saw it.
/// The API's own 401s carry no such scheme, so neither the user audit nor signing in again can help.
/// </summary>
internal static class FrontEndAuthentication
{
    private static readonly string[] ForeignSchemes = { "Negotiate", "NTLM", "Kerberos", "Basic", "Digest" };

    /// <summary>The foreign scheme a 401 asks for, or null when it is the API's own refusal.</summary>
    public static string? ForeignScheme(ApiResponse response) =>
        response.StatusCode == 401 ? ForeignScheme(response.GetHeader("WWW-Authenticate")) : null;

    public static string? ForeignScheme(string? wwwAuthenticate)
    {
        if (string.IsNullOrWhiteSpace(wwwAuthenticate))
        {
            return null;
        }

        // One value may list several challenges ("Negotiate, NTLM"); each starts with its scheme.
        foreach (var challenge in wwwAuthenticate!.Split(','))
        {
            var trimmed = challenge.Trim();
            var end = trimmed.IndexOf(' ');
            var scheme = end < 0 ? trimmed : trimmed.Substring(0, end);
            foreach (var foreign in ForeignSchemes)
            {
                if (scheme.Equals(foreign, StringComparison.OrdinalIgnoreCase))
                {
                    return foreign;
                }
            }
        }

        return null;
    }

    public static PasswordSafeApiException ToException(ApiResponse response, string scheme)
    {
        var message = $"{response.Method} {response.RedactedUri} was refused (401) by something in front of the Password Safe API: "
                      + $"it asks for {scheme} authentication, which the API never uses, so web server authentication "
                      + $"(IIS Windows authentication{(IsWindowsScheme(scheme) ? string.Empty : " or Basic authentication")}) or a proxy refused the call before the API saw it. "
                      + "The BeyondInsight user audit will not list it, and signing in again does not help.";
        return new PasswordSafeApiException(ErrorIds.AuthenticationFailed, message, Action, response.StatusCode,
            response.Method, response.RedactedUri, null, null).MadeBy(response.Caller);
    }

    public const string Action =
        "Ask the web server's administrator to turn off Windows (or Basic) authentication for the API path (/BeyondTrust/api/public/v3), "
        + "or the proxy's administrator to let API calls through; or check that -Uri is the Password Safe server's address.";

    private static bool IsWindowsScheme(string scheme) =>
        scheme == "Negotiate" || scheme == "NTLM" || scheme == "Kerberos";
}
