using System;
using System.Collections.Generic;
using System.Globalization;

namespace PasswordSafe.Emulator;

/// <summary>
/// The seed's <c>Generate</c> section: systems gen-sys-00001… with accounts gen-acct-0001…, all API-enabled, in one
/// "Generated" workgroup and smart rule, requestable under an auto-approve policy. Same input, same data, every run;
/// passwords are derived on demand (<see cref="GeneratedPassword"/>) so 100,000 accounts load in well under a second.
/// </summary>
internal static class AccountGenerator
{
    internal const string WorkgroupName = "Generated";
    internal const string SmartRuleTitle = "Generated accounts";
    internal const string PolicyName = "Generated accounts (auto-approve)";

    internal static string SystemName(int number) => "gen-sys-" + number.ToString("D5", CultureInfo.InvariantCulture);
    internal static string AccountName(int number) => "gen-acct-" + number.ToString("D4", CultureInfo.InvariantCulture);

    internal static void Generate(SeedGenerate generate, CheckoutBuilder builder)
    {
        if (generate.ManagedSystems < 0 || generate.ManagedSystems > 100_000)
            throw new SeedException("Generate: ManagedSystems must be from 0 to 100000.");
        if (generate.AccountsPerSystem < 1 || generate.AccountsPerSystem > 10_000)
            throw new SeedException("Generate: AccountsPerSystem must be from 1 to 10000.");
        if (generate.MaxAccounts is < 0) throw new SeedException("Generate: MaxAccounts must be 0 or more.");
        var total = (int)Math.Min((long)generate.ManagedSystems * generate.AccountsPerSystem, generate.MaxAccounts ?? int.MaxValue);
        if (total == 0) return;

        var workgroup = builder.AddWorkgroup(new SeedWorkgroup { ID = builder.NextWorkgroupId, Name = WorkgroupName });
        var firstSystemId = builder.NextSystemId;
        var nextAccountId = builder.NextAccountId;
        var accountIds = new List<int>(total);
        builder.EnsureCapacity(total);
        for (var s = 0; s < generate.ManagedSystems && accountIds.Count < total; s++)
        {
            var number = s + 1;
            var name = SystemName(number);
            var system = builder.AddSystem(new SeedManagedSystem
            {
                ManagedSystemID = firstSystemId + s,
                SystemName = name,
                PlatformID = 1,
                WorkgroupID = workgroup.Id,
                // 10.x.y.z from the system number: distinct for up to 16 million systems.
                IPAddress = $"10.{(number >> 16) & 255}.{(number >> 8) & 255}.{number & 255}",
                HostName = name,
                DnsName = name + ".generated.test",
            });
            for (var a = 0; a < generate.AccountsPerSystem && accountIds.Count < total; a++)
            {
                var id = nextAccountId++;
                builder.Add(new ManagedAccount(id, system, AccountName(a + 1), ManagedAccountType.System)
                {
                    Generated = true,
                    ReleaseDuration = system.ReleaseDuration,
                    MaxReleaseDuration = system.MaxReleaseDuration,
                    ISAReleaseDuration = system.ISAReleaseDuration,
                }, $"Generated account {id}");
                accountIds.Add(id);
            }
        }

        var rule = new SmartRule(builder.NextSmartRuleId, SmartRuleTitle, accountIds);
        builder.AddRule(rule, $"Smart rule {rule.SmartRuleId}");
        var policyId = builder.NextPolicyId;
        var schedule = new AccessPolicySchedule(builder.FreeScheduleId(policyId), new Dictionary<AccessType, AccessTypeRule>
        {
            [AccessType.View] = new(AccessType.View, 0, false, false),
            [AccessType.RDP] = new(AccessType.RDP, 0, true, false),
            [AccessType.SSH] = new(AccessType.SSH, 0, true, false),
        }, ScheduleWindow.Always);
        var policy = new AccessPolicy(policyId, PolicyName, [schedule]);
        builder.AddPolicy(policy, $"Access policy {policy.AccessPolicyId}");
        var roles = SmartRuleRoles.None;
        foreach (var role in generate.Roles ?? [SmartRuleRoles.Requestor]) roles |= role;
        builder.GrantGenerated(new SmartRuleGrant(rule.SmartRuleId, roles, policy.AccessPolicyId), generate.GroupIDs);
    }
}
