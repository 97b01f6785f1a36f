using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// Grant- and Revoke-PSUserGroupPermission: the group and the permissions as typed or piped, then one change per group.
/// The group's permissions are read first and the change is worked out (<see cref="GroupPermissionChange"/>). The server
/// documents two changes: POST assigns the permissions it is sent, DELETE removes them all; whether POST also drops what
/// it is not sent is not documented. So a change that only adds or changes levels POSTs the whole new set (right either
/// way), and one that takes permissions away DELETEs them all and POSTs what stays.
/// </summary>
public abstract class GroupPermissionChangeCmdlet : GroupPermissionCmdlet
{
    private protected const string GroupIdPermissionSet = "GroupIdPermission";
    private protected const string GroupIdPermissionIdSet = "GroupIdPermissionId";
    private protected const string GroupNamePermissionSet = "GroupNamePermission";
    private protected const string GroupNamePermissionIdSet = "GroupNamePermissionId";

    /// <summary>The group's id: typed, or from a piped group or permission grant.</summary>
    private protected abstract int TypedGroupId { get; }

    /// <summary>The group's name when the cmdlet was given one (-GroupName), else null.</summary>
    private protected abstract string? TypedGroupName { get; }

    /// <summary>-Permission names when given, else null (ids or -All).</summary>
    private protected abstract string[]? TypedPermissionNames { get; }

    /// <summary>-PermissionId when given, else null.</summary>
    private protected abstract int[]? TypedPermissionIds { get; }

    /// <summary>
    /// The named permissions' ids (null for none named); false after writing an error for each one the server does not
    /// list (the name or id is its target), or when the list cannot be read (the group is the target: the change failed).
    /// </summary>
    private protected bool TryNamedPermissions(PermissionService service, out IList<int>? ids)
    {
        IList<int>? resolved = null;
        var names = TypedPermissionNames;
        var typedIds = TypedPermissionIds;
        var listed = TryItem(() =>
        {
            if (names != null)
            {
                resolved = PermissionIdsNamed(names, KnownPermissions(service));
            }
            else if (typedIds != null)
            {
                resolved = ListedPermissionIds(typedIds, KnownPermissions(service));
            }
        }, (object?)TypedGroupName ?? TypedGroupId);
        ids = resolved;
        return listed && (resolved != null || (names == null && typedIds == null));
    }

    /// <summary>Reads what the group holds, works out the change, asks, and sends it; the group (name or id) is the target of any error.</summary>
    private protected void Change(AdminClient client, PermissionService service, Func<IReadOnlyDictionary<int, int>, GroupPermissionChange> plan, bool force)
    {
        var name = TypedGroupName;
        TryItem(() =>
        {
            var group = name != null ? GroupNamed(client, name) : GroupWithId(TypedGroupId);
            var held = Run((log, token) => service.ListHeldAsync(group.Id, group.Text, log, token))
                .GroupBy(g => g.PermissionId)
                .ToDictionary(g => g.Key, g => g.Last().AccessLevelId);
            var change = plan(held);
            var words = new PermissionWords(KnownPermissions(service), KnownLevels(service));
            if (change.NotHeld.Count > 0 && change.ChangesAnything)
            {
                WriteVerbose($"{group.Text} does not hold {string.Join(", ", change.NotHeld.Select(words.Permission))}.");
            }

            if (!change.ChangesAnything)
            {
                WriteVerbose($"{group.Text} {NothingToChange(change, words)}");
                return;
            }

            if (ShouldChange(group.Text, Action(change, words), force))
            {
                Apply(service, group, change, words);
            }
        }, (object?)name ?? TypedGroupId);
    }

    /// <summary>The -WhatIf and confirmation text of a change, e.g. <c>Grant 'Asset Management' (Read Only), keeping …</c>.</summary>
    private protected abstract string Action(GroupPermissionChange change, PermissionWords words);

    /// <summary>The Verbose text when the group already is as asked, after the group's name.</summary>
    private protected abstract string NothingToChange(GroupPermissionChange change, PermissionWords words);

    private protected static IReadOnlyDictionary<int, int> Levels(IEnumerable<KeyValuePair<int, int>> pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    private void Apply(PermissionService service, GroupReference group, GroupPermissionChange change, PermissionWords words)
    {
        if (!change.RemovesAny)
        {
            Run((log, token) => service.AssignAsync(group.Id, group.Text, change.Result, log, token));
            return;
        }

        Run((log, token) => service.RemoveAllAsync(group.Id, group.Text, log, token));
        if (change.Result.Count == 0)
        {
            return;
        }

        try
        {
            Run((log, token) => service.AssignAsync(group.Id, group.Text, change.Result, log, token));
        }
        catch (PasswordSafeException e)
        {
            // The group now holds nothing (the safe side), but not what it should keep: say so, and what to grant back.
            throw new PasswordSafeException(e.ErrorId,
                $"{group.Text} lost all its permissions, but giving back {words.List(change.Result.Select(p => p.Key), Levels(change.Result))} failed: {e.Message}",
                $"Grant them again with Grant-PSUserGroupPermission -GroupId {Id(group.Id)} (one call per access level) and check with Get-PSUserGroupPermission. " +
                e.RecommendedAction, e);
        }
    }
}
