using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Changes an asset (<c>PUT Assets/{id}</c>, api-v3 §6.2): values not given keep their current value.</summary>
[Cmdlet(VerbsCommon.Set, "PSAsset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Asset))]
public sealed class SetPSAssetCommand : AssetSettingsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int AssetId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? IPAddress { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>A piped asset gives its id only: its other properties are its current values, not changes.</summary>
    internal override IReadOnlyCollection<string>? ObjectKeyParameters { get; } = new[] { nameof(AssetId) };

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            RequireASetting(AssetService.DescribeAsset(AssetId));
            var changes = BoundFields(AssetFields.All);
            BodyBuilder.Build("asset", AssetFields.All, changes, null, null);
            var service = new AssetService(Connect());
            var current = Run((log, token) => service.GetAssetAsync(AssetId, log, token));
            var changed = ChangedFields.Of(AssetFields.All, changes, AssetService.Baseline(current)).Select(f => f.ParameterName).ToList();
            if (!ShouldUpdate(PipedTargetName.Describe(AssetService.DescribeAsset(AssetId), current.ToString()), changed, current, PassThru))
            {
                return;
            }

            var updated = Run((log, token) => service.UpdateAssetAsync(current, changes, log, token));
            if (PassThru)
            {
                WriteObject(updated);
            }
        }, AssetId);
    }
}
