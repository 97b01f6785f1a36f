using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Tab completion for -Permission (permission names) and -AccessLevel (access level names) from the server's lists,
/// read through the session for a short time (<see cref="PermissionCatalogCache"/>). Without a session, or when the
/// server does not answer, -AccessLevel offers the console's names, which it accepts; -Permission offers nothing.
/// </summary>
public sealed class PermissionCatalogCompleter : IArgumentCompleter
{
    private static readonly string[] ConsoleLevels = { "Read Only", "Full Control" };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var prefix = AccountCompletion.Prefix(wordToComplete);
            var levels = string.Equals(parameterName, "AccessLevel", StringComparison.OrdinalIgnoreCase);
            var session = AccountCompletion.SessionFor(fakeBoundParameters);
            var cache = session == null ? null : PermissionCatalogCache.For(session);
            var names = levels
                ? cache?.AccessLevelNames() is { Count: > 0 } listed ? listed : ConsoleLevels
                : cache?.PermissionNames() ?? (IReadOnlyList<string>)new string[0];
            return AccountCompletion.Results(
                names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                                 || (!levels && prefix.Length > 0 && n.IndexOf(prefix, StringComparison.OrdinalIgnoreCase) >= 0))
                    .OrderBy(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                    .ThenBy(n => n, StringComparer.OrdinalIgnoreCase),
                levels ? "Access level " : "Permission ");
        }
        catch (Exception)
        {
            // Completion must never break the prompt.
            return Enumerable.Empty<CompletionResult>();
        }
    }
}
