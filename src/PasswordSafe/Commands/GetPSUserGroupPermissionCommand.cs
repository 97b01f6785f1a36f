using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// The feature permissions user groups hold (<c>GET UserGroups/{id}/Permissions</c>), one object per permission, named
/// from <c>GET Permissions</c> and <c>GET AccessLevels</c>. Groups by id (also piped) or by name (wildcards allowed).
/// </summary>
[Cmdlet(VerbsCommon.Get, "PSUserGroupPermission", DefaultParameterSetName = ByGroupIdSet)]
[OutputType(typeof(UserGroupPermission))]
public sealed class GetPSUserGroupPermissionCommand : GroupPermissionCmdlet
{
    private const string ByGroupIdSet = "ByGroupId";
    private const string ByGroupNameSet = "ByGroupName";

    [Parameter(ParameterSetName = ByGroupIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int[] GroupId { get; set; } = new int[0];

    /// <summary>A group's name; with wildcards, every group whose name matches.</summary>
    [Parameter(ParameterSetName = ByGroupNameSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ServerNameCompleter<UserGroupNameList>))]
    public string GroupName { get; set; } = string.Empty;

    /// <summary>Only these permissions, by name (wildcards allowed).</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(PermissionCatalogCompleter))]
    public string? Permission { get; set; }

    protected override void ProcessItem()
    {
        var client = Connect();
        var service = new PermissionService(client);
        WildcardPattern? filter = null;
        if (!TryItem(() => filter = Filter(service), Permission))
        {
            return;
        }

        if (ParameterSetName == ByGroupNameSet)
        {
            TryItem(() =>
            {
                foreach (var group in GroupsNamed(client))
                {
                    WriteHeld(client, service, group, filter);
                }
            }, GroupName);
            return;
        }

        foreach (var id in GroupId)
        {
            TryItem(() => WriteHeld(client, service, GroupWithId(id), filter), id);
        }
    }

    /// <summary>A literal name is looked up (ObjectNotFound when no group has it); a pattern filters the list of groups.</summary>
    private IEnumerable<GroupReference> GroupsNamed(AdminClient client)
    {
        if (!WildcardPattern.ContainsWildcardCharacters(GroupName))
        {
            return new[] { GroupNamed(client, GroupName) };
        }

        var pattern = WildcardPattern.Get(GroupName, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        return Run((log, token) => new UserGroupService(client).ListAsync(null, log, token))
            .Where(g => pattern.IsMatch(g.Name ?? string.Empty))
            .Select(g => new GroupReference(g.GroupId, g.Name))
            .ToList();
    }

    private void WriteHeld(AdminClient client, PermissionService service, GroupReference group, WildcardPattern? filter)
    {
        var held = Run((log, token) => service.ListHeldAsync(group.Id, group.Text, log, token));
        var permissions = KnownPermissions(service);
        var levels = KnownLevels(service);
        // A group given by a bare id is read once for its name, so every object says which group it is about.
        var name = group.Name ?? Run((log, token) => new UserGroupService(client).GetAsync(group.Id, log, token)).Name;
        foreach (var grant in held.OrderBy(g => g.PermissionId))
        {
            grant.GroupName = name;
            grant.Name ??= permissions.FirstOrDefault(p => p.PermissionId == grant.PermissionId)?.Name;
            grant.AccessLevel = PermissionResolver.LevelName(grant.AccessLevelId, levels);
            if (filter == null || filter.IsMatch(grant.Name ?? string.Empty))
            {
                WriteObject(grant);
            }
        }
    }

    /// <summary>
    /// The -Permission filter. A literal name the server does not list is ObjectNotFound (likely a typo); a listed
    /// permission the group does not hold is simply not written: the answer to "does it hold X" is nothing.
    /// </summary>
    private WildcardPattern? Filter(PermissionService service)
    {
        if (string.IsNullOrEmpty(Permission))
        {
            return null;
        }

        var permissions = KnownPermissions(service);
        if (!WildcardPattern.ContainsWildcardCharacters(Permission))
        {
            var known = PermissionResolver.FindPermission(WildcardPattern.Unescape(Permission!), permissions)
                ?? throw PermissionResolver.UnknownPermission(Permission!, permissions);
            return new WildcardPattern(WildcardPattern.Escape(known.Name ?? string.Empty), WildcardOptions.IgnoreCase);
        }

        return WildcardPattern.Get(Permission, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
    }
}
