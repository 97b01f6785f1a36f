using System;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PasswordSafe.Internal;

namespace PasswordSafe.Http;

/// <summary>
/// Reads the server's error bodies (api-v3 §0): a bare reason code (<c>4031</c> or <c>"4031"</c>),
/// a JSON string, an OAuth error object, plain text, or an HTML page from something in between.
/// </summary>
internal static class ErrorBodyParser
{
    public const int MaxMessageLength = 500;

    private static readonly Regex BareReasonCode = new Regex(@"^""?(\d{4})""?$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Reads what the body says. <paramref name="scrubDecoded"/> sees the message as decoded from JSON, before it is
    /// read for a reason code or cut to length: decoding can turn <c>\u002B</c> back into the <c>+</c> of a secret.
    /// </summary>
    public static ParsedErrorBody Parse(string? body, int statusCode, Func<string, string>? scrubDecoded = null)
    {
        var text = (body ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return new ParsedErrorBody(null, null, false);
        }

        if (LooksLikeHtml(text))
        {
            return new ParsedErrorBody(null, $"the server returned an HTML page (status {statusCode})", true);
        }

        var code = BareReasonCode.Match(text);
        if (code.Success)
        {
            return new ParsedErrorBody(int.Parse(code.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), null, false);
        }

        var message = text;
        if (text[0] == '"' || text[0] == '{')
        {
            message = ReadJsonMessage(text) ?? text;
        }

        if (scrubDecoded != null)
        {
            message = scrubDecoded(message);
        }

        var inner = BareReasonCode.Match(message.Trim());
        if (inner.Success)
        {
            return new ParsedErrorBody(int.Parse(inner.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), null, false);
        }

        return new ParsedErrorBody(null, Truncate(message.Trim()), false);
    }

    public static bool LooksLikeHtml(string text)
    {
        var start = text.TrimStart();
        return start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (start.StartsWith("<", StringComparison.Ordinal) && start.IndexOf("<body", StringComparison.OrdinalIgnoreCase) >= 0);
    }

    public static string Truncate(string message) =>
        message.Length <= MaxMessageLength ? message : TextPreview.Prefix(message, MaxMessageLength - 3) + "...";

    private static string? ReadJsonMessage(string text)
    {
        try
        {
            var token = JToken.Parse(text);
            if (token.Type == JTokenType.String)
            {
                return token.Value<string>();
            }

            if (token is JObject obj)
            {
                // OAuth errors ({"error":"invalid_client"}) and ASP.NET-style problem bodies.
                foreach (var name in new[] { "error_description", "Message", "message", "ErrorMessage", "title", "error" })
                {
                    var value = obj.GetValue(name, StringComparison.OrdinalIgnoreCase);
                    if (value != null && value.Type == JTokenType.String && !string.IsNullOrWhiteSpace(value.Value<string>()))
                    {
                        return value.Value<string>();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: the raw text is the message.
        }

        return null;
    }
}
