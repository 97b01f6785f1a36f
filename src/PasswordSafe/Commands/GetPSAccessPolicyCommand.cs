using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Lists the access policies (<c>GET AccessPolicies</c>): the ids Grant-PSUserGroupRole -AccessPolicyId takes, and the
/// schedule ids, approvals and reason/ticket requirements that New-PSRequest meets.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSAccessPolicy", DefaultParameterSetName = ByNameSet)]
[OutputType(typeof(AccessPolicy))]
public sealed class GetPSAccessPolicyCommand : AdminCmdlet
{
    private const string ByNameSet = "ByName";
    private const string ByIdSet = "ById";

    [Parameter(Position = 0, ParameterSetName = ByNameSet)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ServerNameCompleter<AccessPolicyNameList>))]
    public string? Name { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    public int[] AccessPolicyId { get; set; } = new int[0];

    protected override void ProcessItem()
    {
        var service = new UserGroupService(Connect());
        if (ParameterSetName == ByNameSet)
        {
            TryItem(() => WriteMatching(Run((log, token) => service.ListAccessPoliciesAsync(log, token)), Name, p => p.Name, "access policy"), Name ?? "access policies");
            return;
        }

        TryItem(() =>
        {
            var policies = Run((log, token) => service.ListAccessPoliciesAsync(log, token));
            foreach (var id in AccessPolicyId)
            {
                var policy = policies.FirstOrDefault(p => p.AccessPolicyId == id);
                if (policy != null)
                {
                    WriteObject(policy);
                    continue;
                }

                WriteError(CreateErrorRecord(new PasswordSafeException(ErrorIds.ObjectNotFound,
                    $"There is no access policy {Id(id)}.", "Run Get-PSAccessPolicy without parameters to list them all."), id));
            }
        }, "access policies");
    }
}
