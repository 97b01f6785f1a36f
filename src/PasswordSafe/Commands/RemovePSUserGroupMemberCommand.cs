using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Removes users from a group (<c>DELETE Users/{userId}/UserGroups/{groupId}</c>); asks first unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "PSUserGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemovePSUserGroupMemberCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int GroupId { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public int[] UserId { get; set; } = new int[0];

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessItem()
    {
        var service = new UserGroupService(Connect());
        foreach (var id in UserId)
        {
            if (ShouldChange(PipedTargetName.UserGroupTarget(PipedObject, GroupId), "Remove " + PipedTargetName.UserTarget(PipedObject, id), Force))
            {
                TryItem(() => Run((log, token) => service.RemoveMemberAsync(id, GroupId, log, token)), id);
            }
        }
    }
}
