using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Grant- and Revoke-PSUserGroupRole: a group, a smart rule, and roles by name (resolved with <c>GET Roles</c>, once per
/// pipeline) or by id. The server only sets a group's whole set of roles on a rule, so both read what the group holds
/// there first and send the set with the change applied.
/// </summary>
public abstract class UserGroupRoleCmdlet : AdminCmdlet
{
    private protected const string ByNameSet = "ByName";
    private protected const string ByIdSet = "ById";

    private IReadOnlyList<Role>? _roles;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int GroupId { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("QuickRuleId")]
    public int SmartRuleId { get; set; }

    /// <summary>Role names such as Requestor, Approver, "Requestor/Approver", Auditor, ISA, "Credentials Manager".</summary>
    [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServerNameCompleter<RoleNameList>))]
    public string[] Role { get; set; } = new string[0];

    /// <summary>Role ids; a piped role grant (Get-PSUserGroupRole) gives its Roles, so its roles are granted or revoked.</summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Roles")]
    [RoleIds]
    [ValidateNotNullOrEmpty]
    public int[] RoleId { get; set; } = new int[0];

    /// <summary>The role ids the parameters name (names resolved against the server's roles).</summary>
    private protected IList<int> NamedRoleIds(UserGroupService service) =>
        ParameterSetName == ByIdSet ? RoleId.Distinct().ToList() : RoleResolver.Resolve(Role, KnownRoles(service));

    /// <summary>What the group holds on the rule now; null when it holds nothing there.</summary>
    private protected SmartRuleRoleGrant? HeldOnRule(UserGroupService service) =>
        Run((log, token) => service.ListRoleGrantsAsync(GroupId, log, token)).FirstOrDefault(g => g.SmartRuleId == SmartRuleId);

    /// <summary>The ids of the roles held (none when the group holds nothing on the rule).</summary>
    private protected static List<int> RoleIdsOf(SmartRuleRoleGrant? held) =>
        held?.Roles.Select(r => r.RoleId).ToList() ?? new List<int>();

    /// <summary>
    /// "Requestor, Auditor" for ids: names from the roles held or the roles already read for -Role, else "role id n"
    /// (-RoleId alone reads no role list just to word a message).
    /// </summary>
    private protected string Names(IEnumerable<int> ids, SmartRuleRoleGrant? held)
    {
        var known = (held?.Roles ?? Enumerable.Empty<Role>()).Concat(_roles ?? Enumerable.Empty<Role>()).ToList();
        return string.Join(", ", ids.Select(id => known.FirstOrDefault(r => r.RoleId == id)?.Name ?? "role id " + Id(id)));
    }

    /// <summary><c>smart rule 1</c>, with its title when a piped rule or role grant gives it.</summary>
    private protected string RuleText => PipedTargetName.SmartRuleTarget(PipedObject, SmartRuleId);

    /// <summary><c>user group 3</c>, with its name when a piped group gives it.</summary>
    private protected string GroupText =>
        PipedTargetName.UserGroupTarget(PipedObject, GroupId);

    private IReadOnlyList<Role> KnownRoles(UserGroupService service) =>
        _roles ??= Run((log, token) => service.ListRolesAsync(log, token));
}
