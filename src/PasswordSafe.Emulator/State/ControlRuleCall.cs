using System;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// The call a control rule (<see cref="CallRefusal"/>, <see cref="LateAnswer"/>) names, checked so that a rule can match:
/// a method the API answers, and a path under the API base — a leading slash or the base itself (either one) is taken
/// off, since calls are matched by their path under the base; a query or a whole URL is refused.
/// </summary>
internal static class ControlRuleCall
{
    /// <summary>The methods the emulated API answers; a rule for another one would never match.</summary>
    internal static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE"];

    private static readonly string[] BasePaths = [Http.ApiPaths.Current.Trim('/'), Http.ApiPaths.Legacy.Trim('/')];

    /// <summary>
    /// Whether a rule (its stored method, path under the base and optional user name) covers this call: method and path
    /// in any case, the path without its outer slashes; a rule naming a user covers only that user's calls (any of the
    /// user's names), never a call without a known user.
    /// </summary>
    internal static bool Matches(string ruleMethod, string rulePath, string? ruleUserName, string method, string path, EmulatorUser? user) =>
        string.Equals(ruleMethod, method, StringComparison.OrdinalIgnoreCase)
        && string.Equals(rulePath, path.Trim('/'), StringComparison.OrdinalIgnoreCase)
        && (ruleUserName is null || (user is not null && user.IsNamed(ruleUserName)));

    /// <summary>The method in capitals; ArgumentException for a missing or unknown one.</summary>
    internal static string Method(string? method, string kind)
    {
        if (string.IsNullOrWhiteSpace(method))
            throw new ArgumentException($"A {kind} needs the Method of the call it answers: one of {string.Join(", ", Methods)}.");
        var upper = method.Trim().ToUpperInvariant();
        return Methods.Contains(upper)
            ? upper
            : throw new ArgumentException($"A {kind}'s Method must be one of {string.Join(", ", Methods)} (the methods the API answers), not '{method}'.");
    }

    /// <summary>The path under the API base (<c>Aliases</c>); ArgumentException for a missing one, a query or a URL.</summary>
    internal static string Path(string? path, string kind, string example)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentException($"A {kind} needs the Path of the call it answers, under the API base, e.g. \"{example}\".");
        if (path.Contains("://", StringComparison.Ordinal))
            throw new ArgumentException($"A {kind}'s Path is the path under the API base, e.g. \"{example}\", not a URL ('{path}').");
        if (path.Contains('?'))
            throw new ArgumentException($"A {kind}'s Path is matched without the query string: leave out '{path[path.IndexOf('?')..]}'.");
        var trimmed = path.Trim().Trim('/');
        foreach (var basePath in BasePaths)
        {
            if (trimmed.StartsWith(basePath + "/", StringComparison.OrdinalIgnoreCase)) return trimmed[(basePath.Length + 1)..].Trim('/');
            if (string.Equals(trimmed, basePath, StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"A {kind}'s Path names a call under the API base, e.g. \"{example}\", not the base itself.");
        }
        return trimmed;
    }
}
