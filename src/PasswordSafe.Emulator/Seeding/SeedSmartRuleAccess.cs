using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>A user group's roles on a smart rule (<c>UserGroups[].SmartRuleAccess</c>); requestor roles name the access policy.</summary>
public sealed class SeedSmartRuleAccess
{
    public int SmartRuleID { get; set; }
    /// <summary>Requestor, Approver, RequestorApprover, ISA, CredentialsManager.</summary>
    public List<SmartRuleRoles> Roles { get; set; } = new();
    public int? AccessPolicyID { get; set; }
}
