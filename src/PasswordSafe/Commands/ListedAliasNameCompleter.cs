using System.Collections;
using System.Collections.Generic;
using PasswordSafe.Checkout;

namespace PasswordSafe.Commands;

/// <summary>Completes Get-PSManagedAccountAlias -Name from every alias the session can list, unmapped ones too.</summary>
public sealed class ListedAliasNameCompleter : RequestableNameCompleter
{
    private protected override string Tooltip => "Managed account alias ";

    private protected override IEnumerable<string> Names(RequestableNameCache cache, string prefix, IDictionary fakeBoundParameters) =>
        cache.AliasNames(prefix, unmappedToo: true);
}
