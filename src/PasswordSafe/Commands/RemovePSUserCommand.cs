using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Deletes users (<c>DELETE Users/{id}</c>); asks first unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "PSUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemovePSUserCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] UserId { get; set; } = new int[0];

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessItem()
    {
        var service = new UserService(Connect());
        foreach (var id in UserId)
        {
            if (ShouldChange(PipedTargetName.UserTarget(PipedObject, id), "Remove", Force))
            {
                TryItem(() => Run((log, token) => service.DeleteAsync(id, log, token)), id);
            }
        }
    }
}
