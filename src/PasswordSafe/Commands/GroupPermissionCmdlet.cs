using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Shared by the cmdlets about a user group's feature permissions: the group by id (also from piped groups and
/// permission grants, which name it) or by name, and the server's lists of permissions and access levels, read once per
/// pipeline and only when needed.
/// </summary>
public abstract class GroupPermissionCmdlet : AdminCmdlet
{
    private IReadOnlyList<Permission>? _permissions;
    private IReadOnlyList<AccessLevel>? _levels;

    /// <summary>
    /// Pipeline plumbing, hidden: the piped group or permission grant itself, so -WhatIf, confirmations and errors can
    /// name the group without reading it. In every set, so it never decides which set a piped object binds to.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    private protected IReadOnlyList<Permission> KnownPermissions(PermissionService service) =>
        _permissions ??= Run((log, token) => service.ListPermissionsAsync(log, token));

    private protected IReadOnlyList<AccessLevel> KnownLevels(PermissionService service) =>
        _levels ??= Run((log, token) => service.ListAccessLevelsAsync(log, token));

    /// <summary>The group a name stands for (exact, any case); ObjectNotFound naming it when there is none.</summary>
    private protected GroupReference GroupNamed(AdminClient client, string name)
    {
        var exact = WildcardPattern.Unescape(name.Trim());
        var groups = Run((log, token) => new UserGroupService(client).ListAsync(exact, log, token));
        var group = groups.FirstOrDefault(g => string.Equals(g.Name, exact, StringComparison.OrdinalIgnoreCase))
            ?? throw new PasswordSafeException(ErrorIds.ObjectNotFound, $"No user group named '{exact}' was found.",
                "Check the name; Get-PSUserGroup lists the groups (wildcards allowed), or pass -GroupId.");
        return new GroupReference(group.GroupId, group.Name);
    }

    /// <summary>A group given by id, named when a piped group or grant with that id names it.</summary>
    private protected GroupReference GroupWithId(int id) => new GroupReference(id, InputObject?.BaseObject switch
    {
        UserGroup group when group.GroupId == id => group.Name,
        UserGroupPermission grant when grant.GroupId == id => grant.GroupName,
        _ => null,
    });

    /// <summary>The permission ids that names stand for; an unknown name is an ObjectNotFound error of its own, and null comes back.</summary>
    private protected IList<int>? PermissionIdsNamed(IEnumerable<string> names, IReadOnlyList<Permission> known)
    {
        var ids = new List<int>();
        var unknown = false;
        foreach (var name in names)
        {
            var permission = PermissionResolver.FindPermission(name, known);
            if (permission == null)
            {
                WriteError(CreateErrorRecord(PermissionResolver.UnknownPermission(name, known), name));
                unknown = true;
            }
            else if (!ids.Contains(permission.PermissionId))
            {
                ids.Add(permission.PermissionId);
            }
        }

        return unknown ? null : ids;
    }

    /// <summary>The ids if the server lists them all; each unknown id is an ObjectNotFound error of its own, and null comes back.</summary>
    private protected IList<int>? ListedPermissionIds(IEnumerable<int> ids, IReadOnlyList<Permission> known)
    {
        var listed = ids.Distinct().ToList();
        var unknown = listed.Where(id => known.All(p => p.PermissionId != id)).ToList();
        foreach (var id in unknown)
        {
            WriteError(CreateErrorRecord(PermissionResolver.UnknownPermission(id), id));
        }

        return unknown.Count == 0 ? listed : null;
    }

    /// <summary>Words for permissions and levels from the server's lists, for -WhatIf, confirmations and Verbose.</summary>
    private protected sealed class PermissionWords
    {
        private readonly IReadOnlyList<Permission> _permissions;
        private readonly IReadOnlyList<AccessLevel> _levels;

        public PermissionWords(IReadOnlyList<Permission> permissions, IReadOnlyList<AccessLevel> levels)
        {
            _permissions = permissions;
            _levels = levels;
        }

        /// <summary><c>'User Accounts Management'</c>, or <c>permission 12</c> when the server does not list it.</summary>
        public string Permission(int id) => PermissionResolver.PermissionText(id, _permissions);

        public string Level(int id) => PermissionResolver.LevelName(id, _levels);

        /// <summary><c>'Asset Management' (Read Only), 'User Accounts Management' (Read/Write)</c>: each id at its level in <paramref name="levels"/>.</summary>
        public string List(IEnumerable<int> ids, IReadOnlyDictionary<int, int> levels) =>
            string.Join(", ", ids.Select(id => Permission(id) + (levels.TryGetValue(id, out var level) ? " (" + Level(level) + ")" : string.Empty)));
    }

    /// <summary>A user group as the cmdlets name it: <c>user group 5 (Helpdesk)</c>, or <c>user group 5</c> when its name is not known.</summary>
    private protected sealed class GroupReference
    {
        public GroupReference(int id, string? name)
        {
            Id = id;
            Name = name;
        }

        public int Id { get; }

        public string? Name { get; }

        public string Text => UserGroupService.Describe(Id) + (string.IsNullOrEmpty(Name) ? string.Empty : " (" + Name + ")");
    }
}
