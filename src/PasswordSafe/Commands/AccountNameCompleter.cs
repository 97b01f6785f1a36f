using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PasswordSafe.Checkout;

namespace PasswordSafe.Commands;

/// <summary>Completes -AccountName from the requestable accounts, narrowed to -SystemName when it is typed.</summary>
public sealed class AccountNameCompleter : IArgumentCompleter
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

            var systemName = AccountCompletion.Bound(fakeBoundParameters, "SystemName");
            var names = AccountNameCache.For(session).AccountNames(systemName, AccountCompletion.Prefix(wordToComplete));
            return AccountCompletion.Results(names, "Managed account ");
        }
        catch (System.Exception)
        {
            // Completion must never break the prompt.
            return Enumerable.Empty<CompletionResult>();
        }
    }
}
