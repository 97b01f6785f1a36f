using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Adds existing users to a group (<c>POST Users/{userId}/UserGroups/{groupId}</c>), e.g. an application user (spec C2).</summary>
[Cmdlet(VerbsCommon.Add, "PSUserGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class AddPSUserGroupMemberCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int GroupId { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public int[] UserId { get; set; } = new int[0];

    protected override void ProcessItem()
    {
        var service = new UserGroupService(Connect());
        foreach (var id in UserId)
        {
            if (ShouldProcess(PipedTargetName.UserGroupTarget(PipedObject, GroupId), "Add " + PipedTargetName.UserTarget(PipedObject, id)))
            {
                TryItem(() => Run((log, token) => service.AddMemberAsync(id, GroupId, log, token)), id);
            }
        }
    }
}
