using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Lists managed systems (optionally by name), reads some by id, or lists an asset's or a workgroup's (api-v3 §6.3). A
/// piped system or anything carrying SystemId (an account, a request) reads that system; a piped asset lists its
/// systems, a piped workgroup its workgroup's.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSManagedSystem", DefaultParameterSetName = ListSet)]
[OutputType(typeof(ManagedSystem))]
public sealed class GetPSManagedSystemCommand : AdminCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";
    private const string ByAssetSet = "ByAsset";
    private const string ByWorkgroupSet = "ByWorkgroup";

    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ServerNameCompleter<ManagedSystemNameList>))]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SystemId", "Id")]
    public int[] ManagedSystemId { get; set; } = new int[0];

    /// <summary>
    /// Also declared, hidden, in the by-id set: a piped system carries its AssetId too, and would otherwise fit two sets
    /// and bind to neither. AllowNull: a system with no asset (AssetId null) is not a binding error, it just gives none.
    /// </summary>
    [Parameter(ParameterSetName = ByAssetSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ByIdSet, DontShow = true)]
    [AllowNull]
    public int AssetId { get; set; }

    /// <summary>Hidden in the by-id and by-asset sets for the same reason: systems and assets carry their WorkgroupId.</summary>
    [Parameter(ParameterSetName = ByWorkgroupSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ByIdSet, DontShow = true)]
    [Parameter(ParameterSetName = ByAssetSet, DontShow = true)]
    [AllowNull]
    public int WorkgroupId { get; set; }

    protected override void ProcessItem()
    {
        var service = new ManagedSystemService(Connect());
        switch (ParameterSetName)
        {
            case ByIdSet:
                RefuseTypedWith(nameof(AssetId), nameof(ManagedSystemId));
                RefuseTypedWith(nameof(WorkgroupId), nameof(ManagedSystemId));
                foreach (var id in ManagedSystemId)
                {
                    TryItem(() => WriteObject(Run((log, token) => service.GetAsync(id, log, token))), id);
                }

                break;
            case ByAssetSet:
                RefuseTypedWith(nameof(WorkgroupId), nameof(AssetId));
                TryItem(() => WriteObject(Run((log, token) => service.ListForAssetAsync(AssetId, log, token)), enumerateCollection: true), AssetId);
                break;
            case ByWorkgroupSet:
                TryItem(() => WriteObject(Run((log, token) => service.ListForWorkgroupAsync(WorkgroupId, log, token)), enumerateCollection: true), WorkgroupId);
                break;
            default:
                var exact = Name != null && !WildcardPattern.ContainsWildcardCharacters(Name) ? WildcardPattern.Unescape(Name) : null;
                TryItem(() => WriteMatching(Run((log, token) => service.ListAsync(exact, log, token)), Name, s => s.SystemName, "managed system"), Name);
                break;
        }
    }
}
