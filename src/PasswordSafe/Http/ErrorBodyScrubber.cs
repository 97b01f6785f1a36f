using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace PasswordSafe.Http;

/// <summary>
/// Takes secrets out of an error body before its text becomes an error message, <c>$Error</c> or the session's
/// LastError: what the call itself sent (<see cref="SentSecrets"/>), request ids after <c>Credentials/</c> and
/// <c>Requests/</c>, and secret-named JSON properties. Servers and proxies that echo the request they refused are
/// rare, but one is enough to put an API key into a scheduled task's log.
/// </summary>
internal static class ErrorBodyScrubber
{
    /// <summary>Below this length a secret cannot be replaced without garbling ordinary words (and hinting at it).</summary>
    public const int ShortestMaskable = 4;

    public const string Withheld = "(the server's message is not shown: it repeats a secret this call sent)";

    public static string Scrub(ApiRequest request, string body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return body;
        }

        var text = body;
        foreach (var secret in SentSecrets.Of(request).Distinct().OrderByDescending(s => s.Length))
        {
            if (text.IndexOf(secret, StringComparison.OrdinalIgnoreCase) < 0)
            {
                continue;
            }

            if (secret.Length < ShortestMaskable)
            {
                return Withheld;
            }

            text = Regex.Replace(text, Regex.Escape(secret), Redactor.Mask, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }

        return Redactor.RedactJson(Redactor.RedactRequestIdsInText(text));
    }
}
