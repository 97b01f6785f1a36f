using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Deletes an API registration; scripts that use its key stop working, so it asks first unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "PSApiRegistration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemovePSApiRegistrationCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] RegistrationId { get; set; } = new int[0];

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessItem()
    {
        var service = new ApiRegistrationService(Connect());
        foreach (var id in RegistrationId)
        {
            if (ShouldChange(PipedTargetName.ApiRegistrationTarget(PipedObject, id), "Remove (every script signing in through it stops working)", Force))
            {
                TryItem(() => Run((log, token) => service.DeleteAsync(id, log, token)), id);
            }
        }
    }
}
