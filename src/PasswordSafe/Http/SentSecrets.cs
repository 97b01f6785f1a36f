using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;

namespace PasswordSafe.Http;

/// <summary>
/// The secret values one call sends: the API key, run-as password, 2FA answer or bearer token of its Authorization
/// value, and the secret-named fields of its JSON or form body (a new user's password, an OAuth client secret). A
/// server or proxy that echoes its request into an error body would hand them back; <see cref="ErrorBodyScrubber"/>
/// takes them out before the text reaches an error message.
/// </summary>
internal static class SentSecrets
{
    private static readonly Regex PsAuthField = new Regex(
        @"(?i)\b(?:key|challenge)=([^;]*);", RegexOptions.CultureInvariant);

    private static readonly Regex SecretName = new Regex(
        @"(?i)password|secret|passphrase|challenge|token|key|assertion|^code$", RegexOptions.CultureInvariant);

    public static IReadOnlyList<string> Of(ApiRequest request)
    {
        var secrets = new List<string>();
        AddAuthorization(request.Authorization, secrets);
        if (!string.IsNullOrEmpty(request.Body))
        {
            if (request.BodyMediaType == ApiRequest.FormMediaType)
            {
                AddFormFields(request.Body!, secrets);
            }
            else
            {
                AddJsonFields(request.Body!, secrets);
            }
        }

        secrets.RemoveAll(string.IsNullOrEmpty);
        AddNormalizationForms(secrets);
        return secrets;
    }

    /// <summary>
    /// A server may hand a text back in another Unicode form than it got (é composed, or e and a combining accent; a
    /// ligature as its letters): each form of a secret is searched for too.
    /// </summary>
    private static void AddNormalizationForms(List<string> secrets)
    {
        var count = secrets.Count;
        for (var i = 0; i < count; i++)
        {
            foreach (var form in new[] { NormalizationForm.FormC, NormalizationForm.FormD, NormalizationForm.FormKC, NormalizationForm.FormKD })
            {
                var normalized = Normalized(secrets[i], form);
                if (normalized != null && !string.Equals(normalized, secrets[i], StringComparison.Ordinal) && !secrets.Contains(normalized))
                {
                    secrets.Add(normalized);
                }
            }
        }
    }

    private static string? Normalized(string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            // A lone surrogate has no normal form: the text as sent is searched for.
            return null;
        }
    }

    private static void AddAuthorization(string? authorization, List<string> secrets)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return;
        }

        var value = authorization!.Trim();
        if (!value.StartsWith("PS-Auth", StringComparison.OrdinalIgnoreCase))
        {
            // Bearer <token>, Basic <credentials>: everything after the scheme.
            var space = value.IndexOf(' ');
            secrets.Add(space < 0 ? value : value.Substring(space + 1).Trim());
            return;
        }

        // The password is bracketed verbatim and may hold ';' or ']': it runs from "pwd=[" to the last ']'.
        var passwordStart = value.IndexOf("pwd=[", StringComparison.OrdinalIgnoreCase);
        var passwordEnd = value.LastIndexOf(']');
        var outsidePassword = value;
        if (passwordStart >= 0 && passwordEnd > passwordStart)
        {
            secrets.Add(value.Substring(passwordStart + 5, passwordEnd - passwordStart - 5));
            outsidePassword = value.Substring(0, passwordStart) + value.Substring(passwordEnd + 1);
        }

        foreach (Match field in PsAuthField.Matches(outsidePassword))
        {
            secrets.Add(field.Groups[1].Value.Trim());
        }
    }

    private static void AddFormFields(string body, List<string> secrets)
    {
        foreach (var pair in body.Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || !SecretName.IsMatch(Decode(pair.Substring(0, equals))))
            {
                continue;
            }

            var raw = pair.Substring(equals + 1);
            secrets.Add(raw);
            secrets.Add(Decode(raw));
        }
    }

    private static void AddJsonFields(string body, List<string> secrets)
    {
        try
        {
            using var reader = new JsonTextReader(new System.IO.StringReader(body)) { DateParseHandling = DateParseHandling.None };
            string? property = null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonToken.PropertyName)
                {
                    property = (string?)reader.Value;
                }
                else if (reader.TokenType == JsonToken.String && property != null && SecretName.IsMatch(property))
                {
                    var text = (string?)reader.Value ?? string.Empty;
                    secrets.Add(text);
                    // As it stood in the body, should the server echo the raw JSON.
                    secrets.Add(JsonConvert.ToString(text).Trim('"'));
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing named to take out.
        }
    }

    private static string Decode(string formValue)
    {
        try
        {
            return Uri.UnescapeDataString(formValue.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return formValue;
        }
    }
}
