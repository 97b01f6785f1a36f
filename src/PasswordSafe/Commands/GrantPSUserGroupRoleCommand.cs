using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Grants a group roles on a smart rule (E5's last step), with the access policy that Requestor roles use. The roles the
/// group already holds on the rule are kept (the server replaces the whole set, so they are read and sent along);
/// -Replace sets exactly the roles given. Security-relevant (a role opens the rule's accounts to every member, -Replace
/// also takes roles away), so it asks first unless -Force, as Grant-PSUserGroupPermission and Revoke-PSUserGroupRole do.
/// </summary>
[Cmdlet(VerbsSecurity.Grant, "PSUserGroupRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByNameSet)]
[OutputType(typeof(void))]
public sealed class GrantPSUserGroupRoleCommand : UserGroupRoleCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyIsNotGiven]
    public int AccessPolicyId { get; set; }

    /// <summary>Set exactly these roles on the rule, dropping any others the group holds there, without reading them.</summary>
    [Parameter]
    public SwitchParameter Replace { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            var service = new UserGroupService(Connect());
            var granted = NamedRoleIds(service);
            var accessPolicy = MyInvocation.BoundParameters.ContainsKey(nameof(AccessPolicyId)) ? AccessPolicyId : (int?)null;
            RoleResolver.GrantBody(granted, accessPolicy);
            var group = GroupText;
            if (Replace)
            {
                if (ShouldChange(group, $"Set the roles on {RuleText} to {Names(granted, null)}, replacing any others", Force))
                {
                    Run((log, token) => service.SetRolesAsync(GroupId, SmartRuleId, granted, accessPolicy, log, token));
                }

                return;
            }

            var held = HeldOnRule(service);
            var heldIds = RoleIdsOf(held);
            var roles = heldIds.Union(granted).ToList();
            var policy = accessPolicy ?? held?.AccessPolicyId;
            if (roles.Count == heldIds.Count && policy == held?.AccessPolicyId)
            {
                WriteVerbose($"{group} already holds {Names(granted, held)} on {RuleText}: nothing to change.");
                return;
            }

            var kept = heldIds.Except(granted).ToList();
            var action = $"Grant {Names(granted, held)} on {RuleText}" + (kept.Count > 0 ? $", keeping {Names(kept, held)}" : string.Empty);
            if (ShouldChange(group, action, Force))
            {
                Run((log, token) => service.SetRolesAsync(GroupId, SmartRuleId, roles, policy, log, token));
            }
        }, GroupId);
    }
}
