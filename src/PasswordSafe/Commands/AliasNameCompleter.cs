using System.Collections;
using System.Collections.Generic;
using PasswordSafe.Checkout;

namespace PasswordSafe.Commands;

/// <summary>Completes -AliasName from the aliases the session may request (GET Aliases, cached for two minutes).</summary>
public sealed class AliasNameCompleter : RequestableNameCompleter
{
    private protected override string Tooltip => "Managed account alias ";

    private protected override IEnumerable<string> Names(RequestableNameCache cache, string prefix, IDictionary fakeBoundParameters) =>
        cache.AliasNames(prefix);
}
