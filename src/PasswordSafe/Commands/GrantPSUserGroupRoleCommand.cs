using System.Collections.Generic;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Grants a group roles on a smart rule (E5's last step): by name (resolved with <c>GET Roles</c>) or by id,
/// with the access policy that Requestor roles use.
/// </summary>
[Cmdlet(VerbsSecurity.Grant, "PSUserGroupRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByNameSet)]
[OutputType(typeof(void))]
public sealed class GrantPSUserGroupRoleCommand : AdminCmdlet
{
    private const string ByNameSet = "ByName";
    private const string ByIdSet = "ById";

    private IReadOnlyList<Role>? _roles;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int GroupId { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("QuickRuleId")]
    public int SmartRuleId { get; set; }

    /// <summary>Role names such as Requestor, Approver, "Requestor/Approver", Auditor, ISA, "Credentials Manager".</summary>
    [Parameter(ParameterSetName = ByNameSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[] Role { get; set; } = new string[0];

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public int[] RoleId { get; set; } = new int[0];

    [Parameter]
    public int AccessPolicyId { get; set; }

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            var service = new UserGroupService(Connect());
            IList<int> ids;
            if (ParameterSetName == ByIdSet)
            {
                ids = RoleId;
            }
            else
            {
                _roles ??= Run((log, token) => service.ListRolesAsync(log, token));
                ids = RoleResolver.Resolve(Role, _roles);
            }

            var accessPolicy = MyInvocation.BoundParameters.ContainsKey(nameof(AccessPolicyId)) ? AccessPolicyId : (int?)null;
            RoleResolver.GrantBody(ids, accessPolicy);
            var roles = ParameterSetName == ByIdSet ? "role ids " + string.Join(", ", RoleId) : string.Join(", ", Role);
            if (ShouldProcess(UserGroupService.Describe(GroupId), $"Grant {roles} on smart rule {Id(SmartRuleId)}"))
            {
                Run((log, token) => service.GrantRolesAsync(GroupId, SmartRuleId, ids, accessPolicy, log, token));
            }
        }, GroupId);
    }
}
