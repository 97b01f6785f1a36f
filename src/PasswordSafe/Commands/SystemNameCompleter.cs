using System.Collections;
using System.Collections.Generic;
using PasswordSafe.Checkout;

namespace PasswordSafe.Commands;

/// <summary>Completes -SystemName from the requestable accounts of the session (cached for two minutes).</summary>
public sealed class SystemNameCompleter : RequestableNameCompleter
{
    private protected override string Tooltip => "Managed system ";

    private protected override IEnumerable<string> Names(RequestableNameCache cache, string prefix, IDictionary fakeBoundParameters) =>
        cache.SystemNames(prefix);
}
