using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Stops managing systems (<c>DELETE ManagedSystems/{id}</c>) with their managed accounts; asks first unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "PSManagedSystem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemovePSManagedSystemCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] ManagedSystemId { get; set; } = new int[0];

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessItem()
    {
        var service = new ManagedSystemService(Connect());
        foreach (var id in ManagedSystemId)
        {
            if (ShouldChange(PipedTargetName.ManagedSystemTarget(PipedObject, id), "Remove (its managed accounts go too)", Force))
            {
                TryItem(() => Run((log, token) => service.DeleteAsync(id, log, token)), id);
            }
        }
    }
}
