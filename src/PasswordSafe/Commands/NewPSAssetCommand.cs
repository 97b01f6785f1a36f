using System.Collections.Generic;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Creates an asset in a workgroup (E5's first step, api-v3 §6.2), the workgroup given by id (a piped
/// Workgroup binds) or by name; lengths are checked before sending (IPAddress is required, at most 46 characters).
/// </summary>
[Cmdlet(VerbsCommon.New, "PSAsset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByWorkgroupNameSet)]
[OutputType(typeof(Asset))]
public sealed class NewPSAssetCommand : AssetSettingsCmdlet
{
    private const string ByWorkgroupIdSet = "ByWorkgroupId";
    private const string ByWorkgroupNameSet = "ByWorkgroupName";

    [Parameter(ParameterSetName = ByWorkgroupIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int WorkgroupId { get; set; }

    [Parameter(ParameterSetName = ByWorkgroupNameSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServerNameCompleter<WorkgroupNameList>))]
    public string WorkgroupName { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string? IPAddress { get; set; }

    /// <summary>A piped workgroup gives its id; a piped object's other values are the server's, not the new asset's.</summary>
    internal override IReadOnlyCollection<string>? ObjectKeyParameters { get; } = new[] { nameof(WorkgroupId), nameof(WorkgroupName) };

    protected override void ProcessItem()
    {
        var workgroupId = ParameterSetName == ByWorkgroupIdSet ? WorkgroupId : (int?)null;
        var workgroupName = ParameterSetName == ByWorkgroupNameSet ? WorkgroupName : null;
        TryItem(() =>
        {
            var values = BoundFields(AssetFields.All);
            BodyBuilder.Build("asset", AssetFields.All, values, null, null);
            if (!ShouldProcess($"asset '{AssetName ?? IPAddress}' in {AssetService.DescribeWorkgroup(workgroupId, workgroupName)}", "Create"))
            {
                return;
            }

            var service = new AssetService(Connect());
            WriteObject(Run((log, token) => service.CreateAssetAsync(workgroupId, workgroupName, values, log, token)));
        }, AssetName ?? IPAddress);
    }
}
