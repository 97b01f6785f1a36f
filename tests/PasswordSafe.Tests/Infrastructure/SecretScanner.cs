using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// Asserts that no secret appears in what the module printed. Besides the known secrets it flags any
/// 64-hex-character run: the emulator issues bearer tokens in that shape and keeps only their hashes, so a
/// token can only be recognised by its form.
/// </summary>
public static class SecretScanner
{
    private static readonly Regex TokenShape = new("(?<![0-9a-fA-F])[0-9a-f]{64}(?![0-9a-fA-F])", RegexOptions.CultureInvariant);

    public static void AssertNoSecrets(string text, IEnumerable<string> secrets, string scenario)
    {
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct())
        {
            var at = text.IndexOf(secret, StringComparison.Ordinal);
            Assert.True(at < 0, $"[{scenario}] a secret (length {secret.Length}, starts '{secret[..Math.Min(3, secret.Length)]}…') " +
                                 $"appears in the output near: …{Excerpt(text, at, secret.Length)}…");
        }

        var token = TokenShape.Match(text);
        Assert.False(token.Success, $"[{scenario}] a bearer-token-shaped value appears in the output near: …{Excerpt(text, token.Index, token.Length)}…");
    }

    // Shows where the leak is without printing the secret itself into the test log.
    private static string Excerpt(string text, int at, int length)
    {
        if (at < 0) return string.Empty;
        var start = Math.Max(0, at - 60);
        var before = text.Substring(start, at - start);
        var afterStart = Math.Min(text.Length, at + length);
        var after = text.Substring(afterStart, Math.Min(40, text.Length - afterStart));
        return before + "<SECRET>" + after;
    }
}
