using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// What the demo seed says about itself agrees with what it does: the README's demo table names group 1's members, and
/// an account description that speaks of its approval and lists access types lists exactly those its requestors' access
/// policies allow (users read these to learn what to try).
/// </summary>
public class DemoSeedDocumentationTests
{
    private static readonly string[] AccessTypeNames = Enum.GetNames<AccessType>();

    [Fact]
    public void Readme_Group1Members_AreTheSeedsMembers()
    {
        var seed = EmulatorSeed.LoadDemo();
        var group = seed.UserGroups.Single(g => g.GroupID == 1);
        var members = group.Members.Select(id => seed.Users.Single(u => u.UserID == id))
            .Select(u => string.IsNullOrEmpty(u.DomainName) ? u.UserName : u.DomainName + "\\" + u.UserName)
            .OrderBy(n => n, StringComparer.Ordinal);

        var row = File.ReadLines(Path.Combine(RepositoryRoot(), "src", "PasswordSafe.Emulator", "README.md"))
            .Single(l => l.StartsWith($"| group 1 \"{group.Name}\"", StringComparison.Ordinal));
        var documented = Regex.Match(row, @"members: (?<list>.*?)(?: \(|\s*\|$)").Groups["list"].Value;

        Assert.Equal(members, Regex.Matches(documented, "`([^`]+)`").Select(m => m.Groups[1].Value).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void AccountDescriptions_ThatListAccessTypes_ListExactlyThoseTheirPoliciesAllow()
    {
        var seed = EmulatorSeed.LoadDemo();
        // "auto-approved: View, RDP, SSH, App" describes the policy; "a DSS key (SSH)" describes the credential.
        foreach (var account in seed.ManagedAccounts.Where(a => a.Description?.Contains("approv", StringComparison.OrdinalIgnoreCase) == true))
        {
            var mentioned = AccessTypeNames.Where(t => Regex.IsMatch(account.Description!, $@"\b{t}\b")).ToHashSet();
            if (mentioned.Count == 0)
            {
                continue;
            }

            Assert.True(AllowedFor(seed, account).SetEquals(mentioned),
                $"{account.AccountName}: '{account.Description}' lists {string.Join(", ", mentioned)}; its policies allow {string.Join(", ", AllowedFor(seed, account))}.");
        }
    }

    /// <summary>The access types any requestor's policy allows on the account (through the smart rules that hold it).</summary>
    private static HashSet<string> AllowedFor(EmulatorSeed seed, SeedManagedAccount account)
    {
        var rules = seed.SmartRules.Where(r => r.ManagedAccountIDs.Contains(account.ManagedAccountID) || r.ManagedSystemIDs.Contains(account.ManagedSystemID))
            .Select(r => r.SmartRuleID).ToHashSet();
        var policies = seed.UserGroups.SelectMany(g => g.SmartRuleAccess)
            .Where(a => rules.Contains(a.SmartRuleID) && a.AccessPolicyID is not null && a.Roles.Any(r => (r & SmartRuleRoles.Requestor) != 0))
            .Select(a => a.AccessPolicyID!.Value).ToHashSet();
        return seed.AccessPolicies.Where(p => policies.Contains(p.AccessPolicyID))
            .SelectMany(p => (p.Schedules ?? new List<SeedAccessSchedule> { p }).SelectMany(s => s.AccessTypes ?? new List<SeedAccessTypeRule>()))
            .Select(t => t.AccessType.ToString()).ToHashSet();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PasswordSafe.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (PasswordSafe.sln) is not above " + AppContext.BaseDirectory);
    }
}
