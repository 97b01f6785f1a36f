using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Which names a partly typed value completes to: those starting with it taken literally (case-insensitive; "web[" offers
/// "web[01]", see <see cref="TypedPrefix"/>), and, when it has wildcards, those the pattern matches with a <c>*</c> after
/// it (<c>*east</c> offers "North East" and "East Annex"); sorted, each name once.
/// </summary>
internal static class CompletionMatch
{
    /// <param name="names">The names to offer from.</param>
    /// <param name="typed">What was typed, quotes included or not.</param>
    /// <param name="alsoMatchedBy">Another form of a name that what was typed may start (a directory user's bare name).</param>
    public static IReadOnlyList<string> Matching(IEnumerable<string?> names, string? typed, Func<string, string?>? alsoMatchedBy = null)
    {
        var text = AccountCompletion.Prefix(typed);
        var isMatch = Matcher(text);
        return names.Where(n => !string.IsNullOrEmpty(n) && (isMatch(n!) || (alsoMatchedBy?.Invoke(n!) is string other && isMatch(other))))
            .Select(n => n!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static Func<string, bool> Matcher(string text)
    {
        if (!WildcardPattern.ContainsWildcardCharacters(text))
        {
            return name => TypedPrefix.Starts(name, text);
        }

        var pattern = WildcardPattern.Get(text.EndsWith("*", StringComparison.Ordinal) ? text : text + "*",
            WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        return name => TypedPrefix.Starts(name, text) || IsMatch(pattern, name);
    }

    private static bool IsMatch(WildcardPattern pattern, string name)
    {
        try
        {
            return pattern.IsMatch(name);
        }
        catch (WildcardPatternException)
        {
            // An unfinished bracket ("web[0") is no pattern yet: the literal match above is all it can mean.
            return false;
        }
    }
}
