using System.Collections.Generic;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Puts an asset under management (E5, <c>POST Assets/{id}/ManagedSystems?version=</c>, api-v3 §6.3); a piped
/// Asset binds by AssetId. The body version is the lowest that carries every value given, unless -ApiVersion says otherwise.
/// </summary>
[Cmdlet(VerbsCommon.New, "PSManagedSystem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ManagedSystem))]
public sealed class NewPSManagedSystemCommand : ManagedSystemSettingsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public int AssetId { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int PlatformId { get; set; }

    /// <summary>A piped asset gives its id only: its description and other values are the asset's, not the system's.</summary>
    internal override IReadOnlyCollection<string>? ObjectKeyParameters { get; } = new[] { nameof(AssetId) };

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            var values = BoundFields(ManagedSystemFields.All);
            BodyBuilder.RequireNotAbove(BodyBuilder.Build("managed system", ManagedSystemFields.All, values, null, ParseVersion(ApiVersion)),
                "ReleaseDuration", "ReleaseDuration", "MaxReleaseDuration", "MaxReleaseDuration");
            if (!ShouldProcess(PipedTargetName.AssetTarget(PipedObject, AssetId), "Create a managed system (platform " + Id(PlatformId) + ")"))
            {
                return;
            }

            var service = new ManagedSystemService(Connect());
            WriteObject(Run((log, token) => service.CreateAsync(AssetId, values, ParseVersion(ApiVersion), log, token)));
        }, AssetId);
    }
}
