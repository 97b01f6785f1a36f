using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PasswordSafe.Http;

/// <summary>
/// Takes secrets out of an error body before its text becomes an error message, <c>$Error</c> or the session's
/// LastError: what the call itself sent (<see cref="SentSecrets"/>), request ids after <c>Credentials/</c> and
/// <c>Requests/</c>, and secret-named JSON properties. Servers and proxies that echo the request they refused are
/// rare, but one is enough to put an API key into a scheduled task's log. A secret is found however the server wrote
/// it (<see cref="SecretPattern"/>: JSON's <c>\u002B</c>, an HTML <c>&amp;#43;</c>…), and the message read out of the body
/// is scrubbed again once decoded (<see cref="ScrubError"/>).
/// </summary>
internal static class ErrorBodyScrubber
{
    /// <summary>Below this length a secret cannot be replaced without garbling ordinary words (and hinting at it).</summary>
    public const int ShortestMaskable = 4;

    public const string Withheld = "(the server's message is not shown: it repeats a secret this call sent)";

    public static string Scrub(ApiRequest request, string body) => Scrub(PatternsOf(request), body);

    /// <summary>
    /// The body with the secrets the request sent taken out, and the message read from it (decoded, then scrubbed
    /// again): what an error about this answer may show.
    /// </summary>
    public static (string Body, ParsedErrorBody Error) ScrubError(ApiRequest request, string body, int statusCode)
    {
        if (string.IsNullOrEmpty(body))
        {
            return (body, ErrorBodyParser.Parse(body, statusCode));
        }

        var patterns = PatternsOf(request);
        var scrubbed = Scrub(patterns, body);
        return (scrubbed, ErrorBodyParser.Parse(scrubbed, statusCode, decoded => Scrub(patterns, decoded)));
    }

    /// <summary>
    /// Takes the request's secrets out of any text of its answer (each response header value, a success body under
    /// Debug), as out of an error body: the patterns are built once for all the texts.
    /// </summary>
    public static Func<string, string> ScrubberFor(ApiRequest request)
    {
        var patterns = PatternsOf(request);
        return text => Scrub(patterns, text);
    }

    /// <summary>
    /// For a value the module goes on to use (a response header read by name, such as a two-factor prompt): unchanged
    /// unless it repeats a secret the request sent, and then scrubbed like an error body. The patterns are built only
    /// when a value is first looked at.
    /// </summary>
    public static Func<string, string> EchoScrubberFor(ApiRequest request)
    {
        IReadOnlyList<KeyValuePair<string, Regex>>? patterns = null;
        return text =>
        {
            patterns ??= PatternsOf(request);
            try
            {
                return string.IsNullOrEmpty(text) || !patterns.Any(p => p.Value.IsMatch(text)) ? text : Scrub(patterns, text);
            }
            catch (RegexMatchTimeoutException)
            {
                return Withheld;
            }
        };
    }

    // Longest first, so that a short secret inside a longer one does not withhold a message the longer one's mask cleans.
    private static IReadOnlyList<KeyValuePair<string, Regex>> PatternsOf(ApiRequest request) =>
        SentSecrets.Of(request).Distinct().OrderByDescending(s => s.Length)
            .Select(secret => new KeyValuePair<string, Regex>(secret, SecretPattern.For(secret))).ToList();

    private static string Scrub(IReadOnlyList<KeyValuePair<string, Regex>> patterns, string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        try
        {
            foreach (var secret in patterns)
            {
                if (!secret.Value.IsMatch(text))
                {
                    continue;
                }

                if (secret.Key.Length < ShortestMaskable)
                {
                    return Withheld;
                }

                text = secret.Value.Replace(text, Redactor.Mask);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A text the search could not finish may hold a secret: none of it is shown.
            return Withheld;
        }

        return Redactor.RedactJson(Redactor.RedactRequestIdsInText(text));
    }
}
