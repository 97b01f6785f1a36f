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
            var session = AccountCompletion.SessionFor(fakeBoundParameters);
            var cache = session == null ? null : PermissionCatalogCache.For(session);
            if (string.Equals(parameterName, "AccessLevel", StringComparison.OrdinalIgnoreCase))
            {
                // The server's names first; the console's names (which -AccessLevel accepts) when none of those fits.
                var listed = StartingWith(cache?.AccessLevelNames() ?? new string[0], prefix);
                return AccountCompletion.Results(listed.Count > 0 ? listed : StartingWith(ConsoleLevels, prefix), "Access level ");
            }

            // Permission names are long: what was typed may start the name or any word in it ("quarantine").
            var names = cache?.PermissionNames() ?? new string[0];
            var matches = StartingWith(names, prefix)
                .Concat(names.Where(n => prefix.Length > 0 && n.IndexOf(prefix, StringComparison.OrdinalIgnoreCase) > 0).OrderBy(n => n, StringComparer.OrdinalIgnoreCase))
                .Distinct()
                .ToList();
            return AccountCompletion.Results(matches, "Permission ");
        }
        catch (Exception)
        {
            // Completion must never break the prompt.
            return Enumerable.Empty<CompletionResult>();
        }
    }

    private static List<string> StartingWith(IEnumerable<string> names, string prefix) =>
        names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
}
