using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Lists the Password Safe roles (<c>GET Roles</c>) that Grant-PSUserGroupRole grants.</summary>
[Cmdlet(VerbsCommon.Get, "PSRole")]
[OutputType(typeof(Role))]
public sealed class GetPSRoleCommand : AdminCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ServerNameCompleter<RoleNameList>))]
    public string? Name { get; set; }

    protected override void ProcessItem()
    {
        var service = new UserGroupService(Connect());
        TryItem(() => WriteMatching(Run((log, token) => service.ListRolesAsync(log, token)), Name, r => r.Name, "role"), Name ?? "roles");
    }
}
