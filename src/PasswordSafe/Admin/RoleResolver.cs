using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Admin;

/// <summary>Turns role names (Requestor, Approver, …) into the server's role ids from <c>GET Roles</c>.</summary>
internal static class RoleResolver
{
    public static IList<int> Resolve(IEnumerable<string> names, IReadOnlyList<Role> known)
    {
        var ids = new List<int>();
        foreach (var name in names)
        {
            var trimmed = (name ?? string.Empty).Trim();
            var match = known.FirstOrDefault(r => string.Equals(r.Name?.Trim(), trimmed, StringComparison.OrdinalIgnoreCase))
                ?? known.FirstOrDefault(r => string.Equals(Compact(r.Name), Compact(trimmed), StringComparison.OrdinalIgnoreCase));
            if (match == null)
            {
                throw AdminErrors.Invalid($"-Role '{trimmed}' is not a role on this server.",
                    "Use one of: " + string.Join(", ", known.Select(r => r.Name)) + " (Get-PSRole lists them), or pass -RoleId.");
            }

            if (!ids.Contains(match.RoleId))
            {
                ids.Add(match.RoleId);
            }
        }

        return ids;
    }

    /// <summary><c>{ "Roles": [ { "RoleID": n } ], "AccessPolicyID": n? }</c> (ARCHITECTURE.md, issue 4).</summary>
    public static IDictionary<string, object?> GrantBody(IEnumerable<int> roleIds, int? accessPolicyId)
    {
        var roles = roleIds.Distinct().Select(id => (object)new Dictionary<string, object?> { ["RoleID"] = id }).ToList();
        if (roles.Count == 0)
        {
            throw AdminErrors.Invalid("No role was given.", "Pass -Role (e.g. Requestor, Approver) or -RoleId.");
        }

        var body = new Dictionary<string, object?> { ["Roles"] = roles };
        if (accessPolicyId != null)
        {
            body["AccessPolicyID"] = accessPolicyId;
        }

        return body;
    }

    // "Requestor/Approver", "requestor approver" and "RequestorApprover" all name role 3.
    private static string Compact(string? name) =>
        new string((name ?? string.Empty).Where(char.IsLetterOrDigit).ToArray());
}
