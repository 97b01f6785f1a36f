using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Deletes assets (<c>DELETE Assets/{id}</c>) with their managed systems and accounts; asks first unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "PSAsset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemovePSAssetCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] AssetId { get; set; } = new int[0];

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessItem()
    {
        var service = new AssetService(Connect());
        foreach (var id in AssetId)
        {
            if (ShouldChange(PipedTargetName.AssetTarget(PipedObject, id), "Remove (its managed systems and accounts go too)", Force))
            {
                TryItem(() => Run((log, token) => service.DeleteAssetAsync(id, log, token)), id);
            }
        }
    }
}
