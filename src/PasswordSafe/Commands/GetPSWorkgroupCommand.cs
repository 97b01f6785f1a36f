using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Lists workgroups (wildcards allowed) or reads some by id (api-v3 §6.1).</summary>
[Cmdlet(VerbsCommon.Get, "PSWorkgroup", DefaultParameterSetName = ListSet)]
[OutputType(typeof(Workgroup))]
public sealed class GetPSWorkgroupCommand : AdminCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [SupportsWildcards]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int[] WorkgroupId { get; set; } = new int[0];

    protected override void ProcessRecord()
    {
        var service = new AssetService(Connect());
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in WorkgroupId)
            {
                TryItem(() => WriteObject(Run((log, token) => service.GetWorkgroupAsync(id, log, token))), id);
            }

            return;
        }

        var exact = Name != null && !WildcardPattern.ContainsWildcardCharacters(Name) ? Name : null;
        TryItem(() => WriteMatching(Run((log, token) => service.ListWorkgroupsAsync(exact, log, token)), Name, w => w.Name, "workgroup"), Name);
    }
}
