using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Lists managed systems (optionally by name), reads some by id, or lists an asset's (api-v3 §6.3).</summary>
[Cmdlet(VerbsCommon.Get, "PSManagedSystem", DefaultParameterSetName = ListSet)]
[OutputType(typeof(ManagedSystem))]
public sealed class GetPSManagedSystemCommand : AdminCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";
    private const string ByAssetSet = "ByAsset";

    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [SupportsWildcards]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int[] ManagedSystemId { get; set; } = new int[0];

    [Parameter(ParameterSetName = ByAssetSet, Mandatory = true)]
    public int AssetId { get; set; }

    protected override void ProcessItem()
    {
        var service = new ManagedSystemService(Connect());
        switch (ParameterSetName)
        {
            case ByIdSet:
                foreach (var id in ManagedSystemId)
                {
                    TryItem(() => WriteObject(Run((log, token) => service.GetAsync(id, log, token))), id);
                }

                break;
            case ByAssetSet:
                TryItem(() => WriteObject(Run((log, token) => service.ListForAssetAsync(AssetId, log, token)), enumerateCollection: true), AssetId);
                break;
            default:
                var exact = Name != null && !WildcardPattern.ContainsWildcardCharacters(Name) ? Name : null;
                TryItem(() => WriteMatching(Run((log, token) => service.ListAsync(exact, log, token)), Name, s => s.SystemName, "managed system"), Name);
                break;
        }
    }
}
