using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Admin;

/// <summary>
/// What a grant or revoke does to the permissions a group holds (permission id → access level id), worked out before
/// anything is sent: the set the group should hold afterwards, and what was granted, kept, dropped or revoked, for
/// -WhatIf and Verbose. Which calls carry it out follows from that (<see cref="RemovesAny"/>).
/// </summary>
internal sealed class GroupPermissionChange
{
    private GroupPermissionChange(IReadOnlyDictionary<int, int> held, IReadOnlyDictionary<int, int> result, IEnumerable<int> named)
    {
        Held = held;
        Result = result.OrderBy(p => p.Key).ToList();
        var namedIds = named.Distinct().ToList();
        Granted = namedIds.Where(id => result.TryGetValue(id, out var level) && (!held.TryGetValue(id, out var was) || was != level)).ToList();
        Unchanged = namedIds.Where(id => result.TryGetValue(id, out var level) && held.TryGetValue(id, out var was) && was == level).ToList();
        Removed = held.Keys.Where(id => !result.ContainsKey(id)).OrderBy(id => id).ToList();
        Kept = held.Keys.Where(id => result.ContainsKey(id) && !namedIds.Contains(id)).OrderBy(id => id).ToList();
        NotHeld = namedIds.Where(id => !held.ContainsKey(id) && !result.ContainsKey(id)).ToList();
    }

    /// <summary>What the group held before: permission id → access level id.</summary>
    public IReadOnlyDictionary<int, int> Held { get; }

    /// <summary>What the group holds afterwards, by permission id.</summary>
    public IReadOnlyList<KeyValuePair<int, int>> Result { get; }

    /// <summary>Named permissions the group will hold at a level it did not hold them at (new, or another level).</summary>
    public IReadOnlyList<int> Granted { get; }

    /// <summary>Named permissions the group already holds at that level.</summary>
    public IReadOnlyList<int> Unchanged { get; }

    /// <summary>Held permissions the group will no longer hold: revoked, or dropped by a grant that replaces.</summary>
    public IReadOnlyList<int> Removed { get; }

    /// <summary>Held permissions that were not named and stay as they are.</summary>
    public IReadOnlyList<int> Kept { get; }

    /// <summary>Permissions named for revoking that the group does not hold.</summary>
    public IReadOnlyList<int> NotHeld { get; }

    public bool ChangesAnything => Granted.Count > 0 || Removed.Count > 0;

    /// <summary>
    /// The group must lose a permission: the server documents only removing them all, so that comes first and the
    /// result is sent after it. Otherwise sending the result alone is enough, whether the server sets or adds.
    /// </summary>
    public bool RemovesAny => Removed.Count > 0;

    /// <summary>Grant: the named permissions at one level, added to what is held (a level held before is changed), or only these with replace.</summary>
    public static GroupPermissionChange Grant(IReadOnlyDictionary<int, int> held, IEnumerable<int> permissionIds, int accessLevelId, bool replace)
    {
        var named = permissionIds.Distinct().ToList();
        var result = replace ? new Dictionary<int, int>() : held.ToDictionary(p => p.Key, p => p.Value);
        foreach (var id in named)
        {
            result[id] = accessLevelId;
        }

        return new GroupPermissionChange(held, result, named);
    }

    /// <summary>Revoke: the named permissions go, the rest stay; null names every permission held.</summary>
    public static GroupPermissionChange Revoke(IReadOnlyDictionary<int, int> held, IEnumerable<int>? permissionIds)
    {
        var named = (permissionIds ?? held.Keys).Distinct().ToList();
        var result = held.Where(p => !named.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        return new GroupPermissionChange(held, result, named);
    }
}
