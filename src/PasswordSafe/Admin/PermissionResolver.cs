using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>
/// Turns what an administrator types into the server's ids: permission names (from <c>GET Permissions</c>) and access
/// levels (from <c>GET AccessLevels</c>). Nothing is hard-coded: the server's lists decide, since a server's ids and
/// names may differ from the emulator's.
/// </summary>
internal static class PermissionResolver
{
    // The console offers "Read Only" and "Full Control"; the API reference writes "(Read)" and "(Full control)"; a server
    // may list Full Control as "Read/Write". Any name of a row here finds the listed level named by another of that row.
    private static readonly string[][] LevelSynonyms =
    {
        new[] { "FullControl", "ReadWrite", "Full", "Write" },
        new[] { "ReadOnly", "Read" },
    };

    /// <summary>
    /// The permission a name stands for: the same name in any case, or the same letters and digits ("UserAccountsManagement");
    /// null when none. Wildcards are not expanded here: a change names its permissions exactly.
    /// </summary>
    public static Permission? FindPermission(string name, IReadOnlyList<Permission> known)
    {
        var trimmed = (name ?? string.Empty).Trim();
        return known.FirstOrDefault(p => string.Equals(p.Name?.Trim(), trimmed, StringComparison.OrdinalIgnoreCase))
            ?? known.FirstOrDefault(p => Compact(p.Name).Length > 0 && string.Equals(Compact(p.Name), Compact(trimmed), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>ObjectNotFound for a permission name the server does not list, suggesting listed names that contain it.</summary>
    public static PasswordSafeException UnknownPermission(string name, IReadOnlyList<Permission> known)
    {
        var trimmed = (name ?? string.Empty).Trim();
        var near = known.Where(p => p.Name != null && Compact(trimmed).Length > 0
                                    && Compact(p.Name).IndexOf(Compact(trimmed), StringComparison.OrdinalIgnoreCase) >= 0)
            .Select(p => "'" + p.Name + "'").Take(3).ToList();
        return new PasswordSafeException(ErrorIds.ObjectNotFound, $"No permission named '{trimmed}' was found on this server.",
            (near.Count > 0 ? "Did you mean " + string.Join(" or ", near) + "? " : string.Empty) +
            "Get-PSPermission lists the permissions (wildcards allowed, e.g. Get-PSPermission '*Account*'); -PermissionId takes their ids.");
    }

    /// <summary>ObjectNotFound for a permission id the server does not list.</summary>
    public static PasswordSafeException UnknownPermission(int id) =>
        new PasswordSafeException(ErrorIds.ObjectNotFound, $"No permission with id {Id(id)} was found on this server.",
            "Get-PSPermission lists the permissions and their ids.");

    /// <summary>
    /// The access level that text names: a listed name in any case, the same letters ("readonly"), one of the console's
    /// names for it (Full Control for Read/Write and back, Read for Read Only), or a listed id given as digits.
    /// </summary>
    public static AccessLevel ResolveLevel(string text, IReadOnlyList<AccessLevel> known)
    {
        var trimmed = (text ?? string.Empty).Trim();
        AccessLevel? match;
        if (trimmed.Length > 0 && trimmed.All(char.IsDigit))
        {
            match = int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? known.FirstOrDefault(l => l.AccessLevelId == id)
                : null;
        }
        else
        {
            var compact = Compact(trimmed);
            match = known.FirstOrDefault(l => string.Equals(Compact(l.Name), compact, StringComparison.OrdinalIgnoreCase));
            if (match == null && compact.Length > 0)
            {
                var synonyms = LevelSynonyms.FirstOrDefault(row => row.Contains(compact, StringComparer.OrdinalIgnoreCase));
                var candidates = synonyms == null
                    ? new List<AccessLevel>()
                    : known.Where(l => synonyms.Contains(Compact(l.Name), StringComparer.OrdinalIgnoreCase)).ToList();
                match = candidates.Count == 1 ? candidates[0] : null;
            }
        }

        return match ?? throw AdminErrors.Invalid(
            $"-AccessLevel '{trimmed}' is not an access level on this server.",
            "Use one of: " + string.Join(", ", known.Select(l => $"'{l.Name}' ({Id(l.AccessLevelId)})")) +
            " (Get-PSAccessLevel lists them; the console's names Read Only and Full Control are accepted too).");
    }

    /// <summary>The level's listed name, or its id as text when the server lists no such level.</summary>
    public static string LevelName(int id, IReadOnlyList<AccessLevel> known) =>
        known.FirstOrDefault(l => l.AccessLevelId == id)?.Name ?? Id(id);

    /// <summary><c>'User Accounts Management'</c>, or <c>permission 12</c> when the server does not list it.</summary>
    public static string PermissionText(int id, IReadOnlyList<Permission> known) =>
        known.FirstOrDefault(p => p.PermissionId == id)?.Name is { } name ? "'" + name + "'" : "permission " + Id(id);

    private static string Compact(string? name) => new string((name ?? string.Empty).Where(char.IsLetterOrDigit).ToArray());

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
