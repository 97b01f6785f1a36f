using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>
/// What one user may do with one catalog snapshot, computed once and cached until that catalog's views are
/// invalidated: roles and requestor policy per position of <see cref="Catalog"/>, and the ordered positions
/// GET ManagedAccounts lists, so a page is a slice (O(limit)) rather than a scan.
/// A checkout call takes one view and reads everything through it: accounts are found in, and positions resolved
/// against, the same snapshot the roles were computed for, so a catalog rebuilt meanwhile (E5) cannot make the call
/// list another account or check another account's role or policy.
/// </summary>
internal sealed class AccountView
{
    private readonly SmartRuleRoles[] _roles;
    private readonly AccessPolicy?[] _policies;

    internal AccountView(AccountCatalog catalog, int[] listable, SmartRuleRoles[] roles, AccessPolicy?[] policies, bool anyRequestor, bool anyApprover)
    {
        Catalog = catalog;
        Listable = listable;
        _roles = roles;
        _policies = policies;
        AnyRequestor = anyRequestor;
        AnyApprover = anyApprover;
    }

    /// <summary>The snapshot this view indexes; its positions mean nothing in any other catalog.</summary>
    internal AccountCatalog Catalog { get; }
    /// <summary>Positions in <see cref="Catalog"/>, ascending, of API-enabled accounts the user can request or ISA-retrieve (§2.1).</summary>
    internal int[] Listable { get; }
    internal bool AnyRequestor { get; }
    internal bool AnyApprover { get; }

    /// <summary>The account with this id in the view's own snapshot (null when that snapshot has none).</summary>
    internal ManagedAccount? FindAccount(int accountId) => Catalog.FindAccount(accountId);

    /// <summary>The page [offset, offset+limit) of the accounts this user may list that match the filter.</summary>
    internal void Page(AccountFilter filter, int offset, int limit, List<ManagedAccount> page) => Catalog.Page(this, filter, offset, limit, page);

    /// <summary>An account the snapshot does not hold (deleted before it, or added after it) has no role.</summary>
    internal bool Has(ManagedAccount account, SmartRuleRoles role) =>
        Catalog.PositionOf(account) is var position and >= 0 && (_roles[position] & role) == role;

    /// <summary>
    /// The access policy of the user's requestor grant on the account (the most permissive when several), or null
    /// when the user may not request it. Role and policy come from one position lookup.
    /// </summary>
    internal AccessPolicy? RequestPolicyFor(ManagedAccount account) =>
        Catalog.PositionOf(account) is var position and >= 0 && (_roles[position] & SmartRuleRoles.Requestor) != 0 ? _policies[position] : null;

    /// <summary>At least one of <paramref name="roles"/> on the account.</summary>
    internal bool HasAnyOf(ManagedAccount account, SmartRuleRoles roles) =>
        Catalog.PositionOf(account) is var position and >= 0 && (_roles[position] & roles) != 0;

    /// <summary>At least one of <paramref name="roles"/> on any account of the snapshot (a scan: for rare calls only).</summary>
    internal bool HoldsAnyOf(SmartRuleRoles roles)
    {
        foreach (var held in _roles)
        {
            if ((held & roles) != 0) return true;
        }

        return false;
    }

    internal bool CanApprove(ManagedAccount account) => Has(account, SmartRuleRoles.Approver);
    internal bool IsIsa(ManagedAccount account) => Has(account, SmartRuleRoles.ISA);
}
