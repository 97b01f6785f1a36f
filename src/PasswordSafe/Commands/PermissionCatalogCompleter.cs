using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Tab completion for -Permission (permission names) and -AccessLevel (access level names, also Get-PSAccessLevel -Name)
/// from the server's lists, kept per session for a short time in the completion cache all completers share
/// (<see cref="ServerNameCache"/>). Without a session, or when the server does not answer, -AccessLevel offers the
/// console's names, which it accepts; -Permission offers nothing.
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
            var escape = WildcardParameters.TakesWildcards(commandName, parameterName);
            var session = AccountCompletion.SessionFor(fakeBoundParameters);
            var service = session == null ? null : new PermissionService(new AdminClient(session));
            if (string.Equals(parameterName, "AccessLevel", StringComparison.OrdinalIgnoreCase)
                || string.Equals(commandName, "Get-PSAccessLevel", StringComparison.OrdinalIgnoreCase))
            {
                // The server's names first; the console's names (which -AccessLevel accepts) when none of those fits.
                var levels = service == null ? new string[0] : ServerNameCache.For(session!).Get<string>("AccessLevelNames",
                    async token => (await service.ListAccessLevelsAsync(RequestLog.Discard, token).ConfigureAwait(false)).Select(l => l.Name).OfType<string>().ToList());
                var listed = StartingWith(levels, prefix);
                return AccountCompletion.Results(listed.Count > 0 ? listed : StartingWith(ConsoleLevels, prefix), "Access level ", escape);
            }

            // Permission names are long: what was typed may start the name or any word in it ("quarantine").
            var names = service == null ? new string[0] : ServerNameCache.For(session!).Get<string>("PermissionNames",
                async token => (await service.ListPermissionsAsync(RequestLog.Discard, token).ConfigureAwait(false)).Select(p => p.Name).OfType<string>().ToList());
            var matches = StartingWith(names, prefix)
                .Concat(names.Where(n => prefix.Length > 0 && n.IndexOf(prefix, StringComparison.OrdinalIgnoreCase) > 0).OrderBy(n => n, StringComparer.OrdinalIgnoreCase))
                .Distinct()
                .ToList();
            return AccountCompletion.Results(matches, "Permission ", escape);
        }
        catch (Exception)
        {
            // Completion must never break the prompt.
            return Enumerable.Empty<CompletionResult>();
        }
    }

    private static List<string> StartingWith(IEnumerable<string> names, string prefix) =>
        names.Where(n => TypedPrefix.Starts(n, prefix)).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
}
