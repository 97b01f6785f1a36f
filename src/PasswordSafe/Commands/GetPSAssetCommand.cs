using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Reads assets by id, or lists a workgroup's assets (by workgroup id or name, optionally one asset name), api-v3 §6.2.</summary>
[Cmdlet(VerbsCommon.Get, "PSAsset", DefaultParameterSetName = ByWorkgroupNameSet)]
[OutputType(typeof(Asset))]
public sealed class GetPSAssetCommand : AdminCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByWorkgroupIdSet = "ByWorkgroupId";
    private const string ByWorkgroupNameSet = "ByWorkgroupName";

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int[] AssetId { get; set; } = new int[0];

    [Parameter(ParameterSetName = ByWorkgroupIdSet, Mandatory = true)]
    public int WorkgroupId { get; set; }

    [Parameter(ParameterSetName = ByWorkgroupNameSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string WorkgroupName { get; set; } = string.Empty;

    /// <summary>One asset's exact name (the server's <c>?name=</c> filter).</summary>
    [Parameter(ParameterSetName = ByWorkgroupIdSet)]
    [Parameter(ParameterSetName = ByWorkgroupNameSet)]
    [Alias("AssetName")]
    public string? Name { get; set; }

    protected override void ProcessItem()
    {
        var service = new AssetService(Connect());
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in AssetId)
            {
                TryItem(() => WriteObject(Run((log, token) => service.GetAssetAsync(id, log, token))), id);
            }

            return;
        }

        var workgroupId = ParameterSetName == ByWorkgroupIdSet ? WorkgroupId : (int?)null;
        var workgroupName = ParameterSetName == ByWorkgroupNameSet ? WorkgroupName : null;
        TryItem(() => WriteObject(Run((log, token) => service.ListAssetsAsync(workgroupId, workgroupName, Name, log, token)), enumerateCollection: true),
            workgroupName ?? (object?)workgroupId);
    }
}
