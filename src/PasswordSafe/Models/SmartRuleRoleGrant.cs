using System.Linq;
using PasswordSafe.Admin;

namespace PasswordSafe;

/// <summary>
/// The roles a user group holds on one smart rule (<c>GET UserGroups/{id}/SmartRules</c>), with the access policy its
/// Requestor roles use. Grant-/Revoke-PSUserGroupRole change them; GroupId and SmartRuleId bind to both by name.
/// </summary>
public sealed class SmartRuleRoleGrant
{
    public int GroupId { get; internal set; }

    [WireName("SmartRuleID")]
    public int SmartRuleId { get; internal set; }

    /// <summary>The smart (or quick) rule's title.</summary>
    public string? Title { get; internal set; }

    public string? Category { get; internal set; }

    public Role[] Roles { get; internal set; } = new Role[0];

    /// <summary>The policy the Requestor roles use (approvals, access types); null without one.</summary>
    [WireName("AccessPolicyID")]
    public int? AccessPolicyId { get; internal set; }

    public PasswordSafeSession? Session { get; internal set; }

    /// <summary>The role names, for tables: <c>Requestor, Auditor</c>.</summary>
    public string RoleNames => string.Join(", ", Roles.Select(r => r.Name));

    public override string ToString() => $"{Title}: {RoleNames}";
}
