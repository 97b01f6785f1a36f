using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// A requestable managed account alias (BeyondTrust API reference "Aliases"): a stable name for a credential whose
/// managed account can change. Requests through it are ordinary requests on its preferred account. Immutable: the
/// seed builds it once; its accounts are looked up in the calling view's catalog, so provisioning needs no lock here.
/// </summary>
public sealed class ManagedAccountAlias
{
    internal ManagedAccountAlias(int aliasId, string aliasName, AliasState state, IReadOnlyList<AliasMapping> mappedAccounts)
    {
        AliasId = aliasId;
        AliasName = aliasName;
        State = state;
        MappedAccounts = mappedAccounts;
    }

    public int AliasId { get; }
    public string AliasName { get; }
    public AliasState State { get; }
    public IReadOnlyList<AliasMapping> MappedAccounts { get; }

    /// <summary>The account requests go to (the mapping whose status is Preferred), or null when none is.</summary>
    public int? PreferredAccountId => MappedAccounts.FirstOrDefault(m => m.Status == AliasMappingStatus.Preferred)?.ManagedAccountId;

    /// <summary>The API reference: only aliases in mapped state 1 or 2 can be used for POST Aliases/{id}/Requests.</summary>
    public bool IsRequestable => State is AliasState.Mapped or AliasState.HighlyAvailable;

    public override string ToString() => $"alias {AliasId} '{AliasName}'";
}
