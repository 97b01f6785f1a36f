using System;
using System.Globalization;
using PasswordSafe.Internal;

namespace PasswordSafe.Http;

/// <summary>
/// A 3xx answer. The handler follows no redirect (HttpHandlerFactory): the API never sends one, so one comes from
/// something in front of it (a single sign-on page, a proxy, a load balancer) or from a -Uri that is not the API.
/// Following it would send the session cookie or the key elsewhere; reporting it names where it pointed.
/// </summary>
internal static class RedirectAnswer
{
    /// <summary>True for a redirect (304 Not Modified answers a conditional request, which the module never sends).</summary>
    public static bool Applies(int statusCode) => statusCode >= 300 && statusCode < 400 && statusCode != 304;

    /// <summary>
    /// The redirect's target as scheme, host, port and path: the query and fragment (an SSO page's request or state token)
    /// and any user info are left out, and ids after Credentials/ and Requests/ masked as in every shown URL.
    /// </summary>
    public static string? ShownLocation(string? location, Uri requestUri)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return null;
        }

        if (!Uri.TryCreate(requestUri, location!.Trim(), out var target) || !target.IsAbsoluteUri)
        {
            return "an address that is not a valid URL";
        }

        return Redactor.RedactUri(target.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped));
    }

    public static PasswordSafeApiException ToException(ApiResponse response)
    {
        var status = (response.StatusCode.ToString(CultureInfo.InvariantCulture) + " " + response.ReasonPhrase).Trim();
        var location = ShownLocation(response.GetHeader("Location"), response.Uri);
        var message = $"{response.Method} {response.RedactedUri} was answered with a redirect ({status}) "
                      + (location == null ? "that names no address" : "to " + location)
                      + ". The Password Safe API never redirects, so the call did not reach it: -Uri is not the API's address, "
                      + "or something in front of it (a single sign-on page, a proxy or a load balancer) sent the call elsewhere; redirects are not followed.";
        return new PasswordSafeApiException(ErrorIds.InvalidServerResponse, message, Action, response.StatusCode,
            response.Method, response.RedactedUri, null, null).MadeBy(response.Caller);
    }

    public const string Action =
        "Check that -Uri is the API's address (https://<server>/BeyondTrust/api/public/v3); is an SSO or proxy page in front of it? "
        + "API calls must reach the server without a redirect: connect to the server's own address, or ask the proxy's administrator to let them through.";
}
