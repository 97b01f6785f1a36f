using System;
using System.Text.RegularExpressions;

namespace PasswordSafe.HelpCompiler.Markdown;

/// <summary>
/// Turns inline markdown into the plain text Get-Help prints: bold markers and escapes are dropped,
/// links keep their text (and their address when it is absolute). Backticks stay: they mark code.
/// </summary>
internal static class InlineMarkdown
{
    private static readonly Regex Link = new(@"\[([^\]]*)\]\(([^)\s]*)\)", RegexOptions.Compiled);
    private static readonly Regex Bold = new(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", RegexOptions.Compiled);
    private static readonly Regex Escape = new(@"\\([\\`*_{}\[\]()#+\-.!<>|])", RegexOptions.Compiled);

    public static string ToPlainText(string text)
    {
        var result = Link.Replace(text, m => IsAbsoluteUri(m.Groups[2].Value)
            ? $"{m.Groups[1].Value} ({m.Groups[2].Value})"
            : m.Groups[1].Value);
        result = Bold.Replace(result, "$2");
        return Escape.Replace(result, "$1");
    }

    public static bool IsAbsoluteUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
