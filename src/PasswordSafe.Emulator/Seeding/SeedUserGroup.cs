using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>A user group: grants registrations to its members (A7) and admin rights when Administrator is true.</summary>
public sealed class SeedUserGroup
{
    public int GroupID { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? GroupType { get; set; }
    public string? DistinguishedName { get; set; }
    public bool? IsActive { get; set; }
    public bool Administrator { get; set; }
    public List<int> ApplicationRegistrationIDs { get; set; } = new();
    public List<int> Members { get; set; } = new();
    /// <summary>Roles on smart rules (checkout, E1–E4).</summary>
    public List<SeedSmartRuleAccess> SmartRuleAccess { get; set; } = new();
    /// <summary>Feature permissions for the administration endpoints (an Administrator group has them all).</summary>
    public List<SeedPermission> Permissions { get; set; } = new();
}
