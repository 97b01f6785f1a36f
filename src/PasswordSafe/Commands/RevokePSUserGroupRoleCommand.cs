using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Takes roles on a smart rule away from a group: the roles it keeps there are sent back (the server replaces the whole
/// set), -All sends none. Security-relevant, so it asks first unless -Force.
/// </summary>
[Cmdlet(VerbsSecurity.Revoke, "PSUserGroupRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByNameSet)]
[OutputType(typeof(void))]
public sealed class RevokePSUserGroupRoleCommand : UserGroupRoleCmdlet
{
    private const string AllSet = "All";

    /// <summary>Every role the group holds on the rule.</summary>
    [Parameter(ParameterSetName = AllSet, Mandatory = true)]
    public SwitchParameter All { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            var service = new UserGroupService(Connect());
            var group = GroupText;
            var held = HeldOnRule(service);
            var heldIds = RoleIdsOf(held);
            var revoked = ParameterSetName == AllSet ? heldIds : heldIds.Intersect(NamedRoleIds(service)).ToList();
            if (revoked.Count == 0)
            {
                WriteVerbose($"{group} holds {(ParameterSetName == AllSet ? "no role" : "none of these roles")} on {RuleText}: nothing to revoke.");
                return;
            }

            var kept = heldIds.Except(revoked).ToList();
            var action = $"Revoke {Names(revoked, held)} on {RuleText}" + (kept.Count > 0 ? $", keeping {Names(kept, held)}" : string.Empty);
            if (ShouldChange(group, action, Force))
            {
                // The access policy stays with the roles that remain; with none left there is nothing for it to govern.
                var policy = kept.Count > 0 ? held!.AccessPolicyId : null;
                Run((log, token) => service.SetRolesAsync(GroupId, SmartRuleId, kept, policy, log, token));
            }
        }, GroupId);
    }
}
