using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Lists workgroups (wildcards allowed) or reads some by id (api-v3 §6.1).</summary>
[Cmdlet(VerbsCommon.Get, "PSWorkgroup", DefaultParameterSetName = ListSet)]
[OutputType(typeof(Workgroup))]
public sealed class GetPSWorkgroupCommand : ListOrReadCmdlet
{
    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ServerNameCompleter<WorkgroupNameList>))]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] WorkgroupId { get; set; } = new int[0];

    protected override void ProcessItem()
    {
        var service = new AssetService(Connect());
        var exact = Name != null && !WildcardPattern.ContainsWildcardCharacters(Name) ? WildcardPattern.Unescape(Name) : null;
        WriteByIdOrMatching(WorkgroupId, service.GetWorkgroupAsync, (log, token) => service.ListWorkgroupsAsync(exact, log, token), Name, w => w.Name, "workgroup");
    }
}
