using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// The ids and names a real server keeps unique (README "Seed format", and the emulator's POST rules), checked across a
/// seed before it is built: a second 'A' beside 'a', or a second policy 1, would be an object nothing reaches. Names are
/// compared in any case, as every lookup of the API compares them; an error names both items by their place in the seed.
/// </summary>
internal static class SeedUniqueness
{
    internal static void Check(EmulatorSeed seed)
    {
        CheckIds(seed);
        CheckNames(seed);
    }

    /// <summary>Positive ids only: a missing (0) or negative id is the builder's to refuse, with its own message.</summary>
    private static void CheckIds(EmulatorSeed seed)
    {
        Id(seed.ApiRegistrations, "ApiRegistrations", r => r.Id, r => r.Name, "Id", "registration");
        Id(seed.Users, "Users", u => u.UserID, u => u.UserName, "UserID", "user");
        Id(seed.UserGroups, "UserGroups", g => g.GroupID, g => g.Name, "GroupID", "group");
        Id(seed.Workgroups, "Workgroups", w => w.ID, w => w.Name, "ID", "workgroup");
        Id(seed.ManagedSystems, "ManagedSystems", s => s.ManagedSystemID, s => s.SystemName, "ManagedSystemID", "system");
        Id(seed.ManagedAccounts, "ManagedAccounts", a => a.ManagedAccountID, a => a.AccountName, "ManagedAccountID", "account");
        Id(seed.SmartRules, "SmartRules", r => r.SmartRuleID, r => r.Title, "SmartRuleID", "smart rule");
        Id(seed.AccessPolicies, "AccessPolicies", p => p.AccessPolicyID, p => p.Name, "AccessPolicyID", "access policy");
        Id(seed.Aliases, "Aliases", a => a.AliasID, a => a.AliasName, "AliasID", "alias");
    }

    private static void Id<T>(IReadOnlyList<T>? items, string list, Func<T, int> id, Func<T, string?> name, string field, string kind)
        where T : class
    {
        Unique(items ?? [], list, item => id(item) > 0 ? id(item).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            item => Label(name(item)), field, $"give each {kind} its own {field}");
    }

    private static void CheckNames(EmulatorSeed seed)
    {
        var registrations = seed.ApiRegistrations ?? [];
        Unique(registrations, "ApiRegistrations", r => r.Name, r => Label(r.Name),
            "Name", "registration names are unique, any case");
        // Keys are matched exactly (A5), so only an identical key makes one of them unreachable.
        Unique(registrations, "ApiRegistrations", r => r.Key, r => Label(r.Name), "Key",
            "two registrations cannot share a key: a sign-in could not tell them apart; leave Key out to have one generated",
            StringComparer.Ordinal);

        var users = seed.Users ?? [];
        // B1: BeyondInsight and application users sign in by their name, directory users as DOMAIN\user or by UPN.
        Unique(users.Select((u, i) => (u, i)).Where(x => x.u is not null && !IsDirectory(x.u)).ToList(), "Users",
            x => x.u.UserName, x => Label(x.u.UserName), "UserName", "user names are unique, any case", index: x => x.i);
        Unique(users.Select((u, i) => (u, i)).Where(x => x.u is not null && IsDirectory(x.u) && !string.IsNullOrWhiteSpace(x.u.DomainName)).ToList(),
            "Users", x => string.IsNullOrWhiteSpace(x.u.UserName) ? null : $"{x.u.DomainName!.Trim()}\\{x.u.UserName!.Trim()}",
            x => Label(x.u.UserName), "DomainName and UserName", "a directory user is unique by DOMAIN\\user, any case", index: x => x.i);
        Unique(users.Select((u, i) => (u, i)).Where(x => x.u is not null && IsDirectory(x.u)).ToList(), "Users",
            x => x.u.UserPrincipalName, x => Label(x.u.UserName), "UserPrincipalName", "a UPN names one user, any case", index: x => x.i);
        Unique(users.Select((u, i) => (u, i)).Where(x => x.u is not null && x.u.UserType == UserType.Application).ToList(), "Users",
            x => x.u.ClientID, x => Label(x.u.UserName), "ClientID", "OAuth client ids are unique, any case; leave ClientID out to have one generated",
            index: x => x.i);

        Unique(seed.UserGroups ?? [], "UserGroups", g => g.Name, g => Label(g.Name), "Name", "group names are unique, any case");
        Unique(seed.Workgroups ?? [], "Workgroups", w => w.Name, w => Label(w.Name), "Name", "workgroup names are unique, any case");

        // A system is unique by name in its workgroup (as POST Workgroups/{id}/ManagedSystems keeps them); absent: the first one.
        var firstWorkgroup = (seed.Workgroups ?? []).Where(w => w is not null).Select(w => (int?)w.ID).Min() ?? 1;
        var systems = (seed.ManagedSystems ?? []).Select((s, i) => (s, i)).Where(x => x.s is not null).ToList();
        foreach (var inWorkgroup in systems.GroupBy(x => x.s.WorkgroupID ?? firstWorkgroup))
        {
            Unique(inWorkgroup.ToList(), "ManagedSystems", x => x.s.SystemName, x => Label(x.s.SystemName), "SystemName",
                $"system names are unique within a workgroup (here WorkgroupID {inWorkgroup.Key}), any case", index: x => x.i);
        }

        // An account is unique by name on its system ("Managed System/Account already exists").
        var accounts = (seed.ManagedAccounts ?? []).Select((a, i) => (a, i)).Where(x => x.a is not null).ToList();
        foreach (var onSystem in accounts.GroupBy(x => x.a.ManagedSystemID))
        {
            Unique(onSystem.ToList(), "ManagedAccounts", x => x.a.AccountName, x => Label(x.a.AccountName), "AccountName",
                $"account names are unique on a system (here ManagedSystemID {onSystem.Key}), any case", index: x => x.i);
        }

        Unique(seed.SmartRules ?? [], "SmartRules", r => r.Title, r => Label(r.Title), "Title", "smart rule titles are unique, any case");
        Unique(seed.Aliases ?? [], "Aliases", a => a.AliasName, a => Label(a.AliasName), "AliasName", "alias names are unique, any case");
    }

    private static bool IsDirectory(SeedUser user) => user.UserType is UserType.ActiveDirectory or UserType.LDAP;

    private static string Label(string? name) => string.IsNullOrWhiteSpace(name) ? string.Empty : $" '{name}'";

    private static void Unique<T>(IReadOnlyList<T> items, string list, Func<T, string?> value, Func<T, string> label, string field,
        string rule, IEqualityComparer<string>? comparer = null, Func<T, int>? index = null)
    {
        var seen = new Dictionary<string, (T Item, int Index)>(comparer ?? StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null || value(item)?.Trim() is not { Length: > 0 } text) continue;
            var at = index is null ? i : index(item);
            if (seen.TryGetValue(text, out var first))
            {
                // Secrets (keys) are never repeated in the message: the places say which items clash.
                throw new SeedException($"$.{list}[{at}]{label(item)} has the same {field} as $.{list}[{first.Index}]{label(first.Item)}: {rule}.");
            }
            seen[text] = (item, at);
        }
    }
}
