using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>A smart-rule role as GET Roles lists it (ARCHITECTURE.md, issue 4), and the checkout rights it gives.</summary>
public sealed record Role(int RoleID, string Name)
{
    internal SmartRuleRoles Grants => RoleID switch
    {
        1 => SmartRuleRoles.Requestor,
        2 => SmartRuleRoles.Approver,
        3 => SmartRuleRoles.RequestorApprover,
        4 => SmartRuleRoles.Auditor,
        5 => SmartRuleRoles.ISA,
        6 => SmartRuleRoles.CredentialsManager,
        _ => SmartRuleRoles.None,
    };

    public static IReadOnlyList<Role> All { get; } = new[]
    {
        new Role(1, "Requestor"), new Role(2, "Approver"), new Role(3, "Requestor/Approver"),
        new Role(4, "Auditor"), new Role(5, "Information Systems Administrator (ISA)"), new Role(6, "Credentials Manager"),
    };

    public static Role? Find(int id) => All.FirstOrDefault(r => r.RoleID == id);

    /// <summary>The roles a grant holds, for GET UserGroups/{id}/SmartRules.</summary>
    internal static IEnumerable<Role> Of(SmartRuleRoles roles) =>
        roles.HasFlag(SmartRuleRoles.RequestorApprover)
            ? All.Where(r => r.RoleID == 3 || (r.RoleID > 3 && (roles & r.Grants) != 0))
            : All.Where(r => r.RoleID != 3 && (roles & r.Grants) != 0);
}
