using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Deletes user groups; members lose what the group granted (spec A7). Asks first unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "PSUserGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemovePSUserGroupCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] GroupId { get; set; } = new int[0];

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessItem()
    {
        var service = new UserGroupService(Connect());
        foreach (var id in GroupId)
        {
            if (ShouldChange(PipedTargetName.UserGroupTarget(PipedObject, id), "Remove (members lose the group's permissions and API access)", Force))
            {
                TryItem(() => Run((log, token) => service.DeleteAsync(id, log, token)), id);
            }
        }
    }
}
