using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PasswordSafe.Admin;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Tab completion of the names of one kind of server object (<typeparamref name="TList"/>: workgroups, roles, users…)
/// for the administration cmdlets: read with the session typed on the command line (-Session) or the default one, kept
/// per session and kind for two minutes (<see cref="CompletionCache"/>), matched by prefix or wildcard, quoted where
/// PowerShell needs it and escaped where the parameter reads wildcards (<see cref="WildcardParameters"/>). Without a session, or when the server refuses or fails, it offers nothing and never throws.
/// </summary>
public sealed class ServerNameCompleter<TList> : IArgumentCompleter where TList : ServerNameList, new()
{
    private static readonly TList List = new TList();

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var session = AccountCompletion.SessionFor(fakeBoundParameters);
            var scope = session == null ? null : List.Scope(fakeBoundParameters);
            if (session == null || scope == null)
            {
                return Enumerable.Empty<CompletionResult>();
            }

            var names = List.Cached(ServerNameCache.For(session), typeof(TList).Name + ":" + scope, new AdminClient(session), scope);
            return AccountCompletion.Results(CompletionMatch.Matching(names, wordToComplete, List.AlsoMatchedBy), List.Tooltip,
                WildcardParameters.TakesWildcards(commandName, parameterName));
        }
        catch (System.Exception)
        {
            // Completion must never break the prompt.
            return Enumerable.Empty<CompletionResult>();
        }
    }
}
