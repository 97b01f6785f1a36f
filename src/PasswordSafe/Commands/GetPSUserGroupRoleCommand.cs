using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>The roles a user group holds on smart rules (<c>GET UserGroups/{id}/SmartRules</c>), one object per rule.</summary>
[Cmdlet(VerbsCommon.Get, "PSUserGroupRole")]
[OutputType(typeof(SmartRuleRoleGrant))]
public sealed class GetPSUserGroupRoleCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public int GroupId { get; set; }

    /// <summary>Only this rule (also a quick rule's id).</summary>
    [Parameter]
    [Alias("QuickRuleId")]
    public int? SmartRuleId { get; set; }

    protected override void ProcessItem()
    {
        var service = new UserGroupService(Connect());
        TryItem(() =>
        {
            var grants = Run((log, token) => service.ListRoleGrantsAsync(GroupId, log, token));
            WriteObject(grants.Where(g => SmartRuleId == null || g.SmartRuleId == SmartRuleId), enumerateCollection: true);
        }, GroupId);
    }
}
