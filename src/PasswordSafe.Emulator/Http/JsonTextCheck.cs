using System;
using System.Text.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// D1: a body's property names and string values must be text. System.Text.Json parses bytes that are not UTF-8 inside
/// a string (Windows PowerShell 5.1's Invoke-RestMethod sends ISO-8859-1 when no charset is given) and escaped lone
/// surrogates (<c>"\ud800"</c>) without complaint, and throws <see cref="InvalidOperationException"/> only when such a
/// string is read — which a reader would meet halfway, as a 500. So every body reader walks its document once, up front,
/// before it reads any value, and answers 400 with <see cref="Problem"/>'s reason instead.
/// </summary>
internal static class JsonTextCheck
{
    internal const string MustBeText = "The body must be UTF-8 JSON text";

    /// <summary>Null when every name and string in <paramref name="root"/> reads as text; else the 400 reason, naming where.</summary>
    internal static string? Problem(JsonElement root) => ProblemIn(root, string.Empty);

    private static string? ProblemIn(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        var where = path.Length == 0 ? "a property name" : $"a property name in {path}";
                        return Reason(where, IsEscapedSurrogate(() => property.ToString()));
                    }
                    if (ProblemIn(property.Value, path.Length == 0 ? name : $"{path}.{name}") is { } problem) return problem;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    // 1-based, as the body readers name list entries (IPAuthenticationRules[1].Description).
                    index++;
                    if (ProblemIn(item, $"{path}[{index}]") is { } problem) return problem;
                }
                return null;
            case JsonValueKind.String:
                try
                {
                    _ = element.GetString();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return Reason(path.Length == 0 ? "the body's string" : $"the value of {path}", IsEscapedSurrogate(element.GetRawText));
                }
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether the raw JSON reads (so its bytes are UTF-8) although the string does not: then an escape stands for half a
    /// UTF-16 pair. Bytes that are not UTF-8 fail the raw read as well.
    /// </summary>
    private static bool IsEscapedSurrogate(Func<string> rawText)
    {
        try
        {
            _ = rawText();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Reason(string where, bool escapedSurrogate) => escapedSurrogate
        ? $"{MustBeText}: {where} holds an escaped lone surrogate (such as \\ud800 without its pair), which is not text."
        : $"{MustBeText}: {where} holds bytes that are not UTF-8 (text in another encoding, such as ISO-8859-1). " +
          "Send the body encoded as UTF-8, e.g. Content-Type: application/json; charset=utf-8.";
}
