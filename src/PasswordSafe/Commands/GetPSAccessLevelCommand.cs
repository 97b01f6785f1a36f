using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// The access levels a feature permission is granted at (<c>GET AccessLevels</c>), such as Read Only: what
/// Grant-PSUserGroupPermission -AccessLevel takes, by name or id.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSAccessLevel")]
[OutputType(typeof(AccessLevel))]
public sealed class GetPSAccessLevelCommand : AdminCmdlet
{
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(PermissionCatalogCompleter))]
    public string? Name { get; set; }

    protected override void ProcessItem()
    {
        var service = new PermissionService(Connect());
        TryItem(() => WriteMatching(Run((log, token) => service.ListAccessLevelsAsync(log, token)), Name, l => l.Name, "access level"), Name ?? "access levels");
    }
}
