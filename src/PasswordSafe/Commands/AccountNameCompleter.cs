using System.Collections;
using System.Collections.Generic;
using PasswordSafe.Checkout;

namespace PasswordSafe.Commands;

/// <summary>Completes -AccountName from the requestable accounts, narrowed to -SystemName when it is typed.</summary>
public sealed class AccountNameCompleter : RequestableNameCompleter
{
    private protected override string Tooltip => "Managed account ";

    private protected override IEnumerable<string> Names(RequestableNameCache cache, string prefix, IDictionary fakeBoundParameters) =>
        cache.AccountNames(AccountCompletion.Bound(fakeBoundParameters, "SystemName"), prefix);
}
