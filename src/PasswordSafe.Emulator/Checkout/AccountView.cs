namespace PasswordSafe.Emulator;

/// <summary>
/// What one user may do with the catalog, computed once and cached until the catalog or the groups change:
/// roles and requestor policy per catalog position, and the ordered positions GET ManagedAccounts lists, so a
/// page is a slice (O(limit)) rather than a scan.
/// </summary>
internal sealed class AccountView
{
    internal AccountView(int[] listable, SmartRuleRoles[] roles, AccessPolicy?[] policies, bool anyRequestor, bool anyApprover)
    {
        Listable = listable;
        Roles = roles;
        Policies = policies;
        AnyRequestor = anyRequestor;
        AnyApprover = anyApprover;
    }

    /// <summary>Catalog positions, ascending, of API-enabled accounts the user can request or ISA-retrieve (§2.1).</summary>
    internal int[] Listable { get; }
    internal SmartRuleRoles[] Roles { get; }
    /// <summary>The access policy of the user's requestor grant per position (the most permissive when several).</summary>
    internal AccessPolicy?[] Policies { get; }
    internal bool AnyRequestor { get; }
    internal bool AnyApprover { get; }

    /// <summary>A deleted account has index -1 and an account added after this view was built is past its end: no role.</summary>
    internal bool Has(int index, SmartRuleRoles role) => index >= 0 && index < Roles.Length && (Roles[index] & role) == role;
    internal bool CanRequest(int index) => Has(index, SmartRuleRoles.Requestor) && Policies[index] is not null;
    internal bool CanApprove(int index) => Has(index, SmartRuleRoles.Approver);
    internal bool IsIsa(int index) => Has(index, SmartRuleRoles.ISA);
}
