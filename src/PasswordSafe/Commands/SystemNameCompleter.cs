using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PasswordSafe.Checkout;

namespace PasswordSafe.Commands;

/// <summary>Completes -SystemName from the requestable accounts of the session (cached for two minutes).</summary>
public sealed class SystemNameCompleter : IArgumentCompleter
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

            var names = AccountNameCache.For(session).SystemNames(AccountCompletion.Prefix(wordToComplete));
            return AccountCompletion.Results(names, "Managed system ");
        }
        catch (System.Exception)
        {
            // Completion must never break the prompt.
            return Enumerable.Empty<CompletionResult>();
        }
    }
}
