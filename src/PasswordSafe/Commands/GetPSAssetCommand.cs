using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Reads assets by id, or lists a workgroup's assets (by workgroup id or name, optionally one asset name), api-v3 §6.2. A
/// piped asset, or a system (its AssetId), reads that asset; a piped workgroup lists its assets.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSAsset", DefaultParameterSetName = ByWorkgroupNameSet)]
[OutputType(typeof(Asset))]
public sealed class GetPSAssetCommand : AdminCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByWorkgroupIdSet = "ByWorkgroupId";
    private const string ByWorkgroupNameSet = "ByWorkgroupName";

    /// <summary>A piped asset, or a managed system (its asset; one with none is PowerShell's "null" binding error).</summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] AssetId { get; set; } = new int[0];

    /// <summary>
    /// A piped workgroup binds here. Also declared, hidden, in the by-id set: assets and systems carry their WorkgroupId
    /// next to AssetId, and would otherwise fit two sets and bind to neither.
    /// </summary>
    [Parameter(ParameterSetName = ByWorkgroupIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ByIdSet, DontShow = true)]
    [AllowNull] // An account's WorkgroupId may be null: not a binding error, just no workgroup.
    public int WorkgroupId { get; set; }

    /// <summary>Rows (Import-Csv) bind here; hidden in the by-id set so a row with an AssetId reads that asset.</summary>
    [Parameter(ParameterSetName = ByWorkgroupNameSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ByIdSet, DontShow = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServerNameCompleter<WorkgroupNameList>))]
    public string WorkgroupName { get; set; } = string.Empty;

    /// <summary>One asset's exact name (the server's <c>?name=</c> filter).</summary>
    [Parameter(ParameterSetName = ByWorkgroupIdSet)]
    [Parameter(ParameterSetName = ByWorkgroupNameSet)]
    [Alias("AssetName")]
    [ArgumentCompleter(typeof(ServerNameCompleter<AssetNameList>))]
    public string? Name { get; set; }

    protected override void ProcessItem()
    {
        var service = new AssetService(Connect());
        if (ParameterSetName == ByIdSet)
        {
            RefuseTypedWith(nameof(WorkgroupId), nameof(AssetId));
            RefuseTypedWith(nameof(WorkgroupName), nameof(AssetId));
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
