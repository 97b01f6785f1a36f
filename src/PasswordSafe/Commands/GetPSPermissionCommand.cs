using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// The feature permissions a user group can be granted (<c>GET Permissions</c>): by name (wildcards allowed) or id.
/// Piped into Grant-PSUserGroupPermission they bind by PermissionId.
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSPermission", DefaultParameterSetName = ListSet)]
[OutputType(typeof(Permission))]
public sealed class GetPSPermissionCommand : ListOrReadCmdlet
{
    private IReadOnlyList<Permission>? _all;

    [Parameter(ParameterSetName = ListSet, Position = 0)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(PermissionCatalogCompleter))]
    public string? Name { get; set; }

    /// <summary>Ids, as the server lists them; there is no call for one permission, so the list is read (once) and filtered.</summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int[] PermissionId { get; set; } = new int[0];

    protected override void ProcessItem()
    {
        var service = new PermissionService(Connect());
        if (ParameterSetName != ByIdSet)
        {
            TryItem(() => WriteMatching(All(service), Name, p => p.Name, "permission"), Name ?? "permissions");
            return;
        }

        foreach (var id in PermissionId.Distinct())
        {
            TryItem(() => WriteObject(All(service).FirstOrDefault(p => p.PermissionId == id) ?? throw PermissionResolver.UnknownPermission(id)), id);
        }
    }

    private IReadOnlyList<Permission> All(PermissionService service) =>
        _all ??= Run((log, token) => service.ListPermissionsAsync(log, token));
}
