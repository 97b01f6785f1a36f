using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PasswordSafe.Checkout;

namespace PasswordSafe.Commands;

/// <summary>
/// Shared by the completers that offer names of the session's requestable accounts: finds the session and keeps
/// any failure away from the prompt, so each completer only says which names it offers.
/// </summary>
public abstract class RequestableNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var session = AccountCompletion.SessionFor(fakeBoundParameters);
            if (session == null)
            {
                return Enumerable.Empty<CompletionResult>();
            }

            var names = Names(RequestableNameCache.For(session), AccountCompletion.Prefix(wordToComplete), fakeBoundParameters);
            return AccountCompletion.Results(names, Tooltip, WildcardParameters.TakesWildcards(commandName, parameterName));
        }
        catch (System.Exception)
        {
            // Completion must never break the prompt.
            return Enumerable.Empty<CompletionResult>();
        }
    }

    /// <summary>The start of each result's tooltip, followed by the name.</summary>
    private protected abstract string Tooltip { get; }

    private protected abstract IEnumerable<string> Names(RequestableNameCache cache, string prefix, IDictionary fakeBoundParameters);
}
