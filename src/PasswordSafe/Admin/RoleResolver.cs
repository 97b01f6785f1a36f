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
                ?? known.FirstOrDefault(r => string.Equals(Compact(r.Name), Compact(trimmed), StringComparison.OrdinalIgnoreCase))
                ?? known.FirstOrDefault(r => string.Equals(Abbreviation(r.Name), trimmed, StringComparison.OrdinalIgnoreCase));
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

    /// <summary><c>{ "Roles": [ { "RoleID": n } ], "AccessPolicyID": n? }</c> (ARCHITECTURE.md, issue 4), with at least one role.</summary>
    public static IDictionary<string, object?> GrantBody(IEnumerable<int> roleIds, int? accessPolicyId)
    {
        if (!roleIds.Any())
        {
            throw AdminErrors.Invalid("No role was given.", "Pass -Role (e.g. Requestor, Approver) or -RoleId.");
        }

        return RolesBody(roleIds, accessPolicyId);
    }

    /// <summary>
    /// The same body for the group's whole set of roles on the rule: the server replaces what the group held there, so an
    /// empty set removes them all.
    /// </summary>
    public static IDictionary<string, object?> RolesBody(IEnumerable<int> roleIds, int? accessPolicyId)
    {
        var roles = roleIds.Distinct().Select(id => (object)new Dictionary<string, object?> { ["RoleID"] = id }).ToList();
        var body = new Dictionary<string, object?> { ["Roles"] = roles };
        if (accessPolicyId != null)
        {
            body["AccessPolicyID"] = accessPolicyId;
        }

        return body;
    }

    // "ISA" names "Information Systems Administrator (ISA)": the short form in parentheses at the end of a role's name.
    private static string? Abbreviation(string? name)
    {
        var text = (name ?? string.Empty).Trim();
        var open = text.LastIndexOf('(');
        return open >= 0 && text.EndsWith(")", StringComparison.Ordinal) ? text.Substring(open + 1, text.Length - open - 2).Trim() : null;
    }

    // "Requestor/Approver", "requestor approver" and "RequestorApprover" all name role 3.
    private static string Compact(string? name) =>
        new string((name ?? string.Empty).Where(char.IsLetterOrDigit).ToArray());
}
