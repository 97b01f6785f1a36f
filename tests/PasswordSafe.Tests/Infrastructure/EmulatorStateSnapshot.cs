using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PasswordSafe.Emulator;
using Xunit;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// A text fingerprint of everything the administration cmdlets can change on an emulator: registrations (with
/// rules, options and key generation), users, groups (members, registrations, roles, permissions), workgroups,
/// assets, managed systems and accounts (settings, password changes, sync with the system), smart rules, and
/// the count of audited changes. Two equal snapshots mean nothing was changed (-WhatIf, refused prompts,
/// validation that must fail before sending).
/// </summary>
public sealed class EmulatorStateSnapshot
{
    // Audit kinds that only reading or signing in writes: they may grow while nothing changes.
    private static readonly HashSet<string> ReadOnlyKinds = new(StringComparer.Ordinal)
    {
        AuditKinds.SignInSucceeded, AuditKinds.SignInFailed, AuditKinds.ChallengeIssued, AuditKinds.SignedOut,
        AuditKinds.TokenIssued, AuditKinds.TokenRejected, AuditKinds.TokenRevoked, AuditKinds.ApiKeyRead,
        AuditKinds.CredentialsTested,
    };

    private readonly string text;

    private EmulatorStateSnapshot(string text) => this.text = text;

    public static EmulatorStateSnapshot Take(EmulatorState state)
    {
        var text = new StringBuilder();
        foreach (var r in state.ApiRegistrations)
        {
            text.Append($"reg {r.Id} {r.Name} {r.RegistrationType} {r.AccessTokenDuration} {r.Active} {r.Visible} ")
                .Append($"{r.MultiFactorAuthenticationEnforced} {r.ClientCertificateRequired} {r.UserPasswordRequired} {r.VerifyPsrunSignature} ")
                .Append($"gen {r.KeyGeneration} ip [{Rules(r.IPAuthenticationRules)}] xff [{Rules(r.XForwardedForAuthenticationRules)}] psrun {r.PSRUNRules.Count}\n");
        }

        foreach (var u in state.Users)
        {
            text.Append($"user {u.UserId} {u.UserName} {u.UserType} {u.DomainName} {u.FirstName} {u.LastName} {u.EmailAddress} ")
                .Append($"{u.IsActive} {u.IsQuarantined} {u.AccessPolicyId} {u.ClientId} {u.ClientSecretExpiryDate:O}\n");
        }

        foreach (var g in state.UserGroups)
        {
            text.Append($"group {g.GroupId} {g.Name} {g.GroupType} {g.IsActive} {g.Administrator} members [{Join(g.MemberIds)}] ")
                .Append($"regs [{Join(g.ApplicationRegistrationIds)}] roles [{string.Join(",", g.SmartRuleAccess.Select(a => $"{a.SmartRuleId}:{a.Roles}:{a.AccessPolicyId}"))}] ")
                .Append($"perms [{string.Join(",", g.Permissions.Select(p => $"{p.PermissionID}:{p.AccessLevelID}"))}]\n");
        }

        foreach (var w in state.Workgroups) text.Append($"workgroup {w.Id} {w.Name}\n");
        foreach (var a in state.Assets)
        {
            text.Append($"asset {a.AssetId} {a.WorkgroupId} {a.AssetName} {a.IPAddress} {a.AssetType} {a.DnsName} {a.DomainName} ")
                .Append($"{a.MacAddress} {a.OperatingSystem} {a.Description} {a.LastUpdateDate:O}\n");
        }

        foreach (var s in state.ManagedSystems)
        {
            text.Append($"system {s.ManagedSystemId} {s.SystemName} {s.AssetId} {s.PlatformId} {s.Description} {s.ReleaseDuration} ")
                .Append($"{s.MaxReleaseDuration} {s.ISAReleaseDuration} {Settings(s.Settings)}\n");
        }

        // Account ids are never reused, so walking past the highest live id is enough to see every account.
        var highest = state.ManagedAccountCount + 200;
        for (var id = 1; id <= highest; id++)
        {
            if (state.FindManagedAccount(id) is not { } m) continue;
            text.Append($"account {m.ManagedAccountId} {m.System.ManagedSystemId} {m.AccountName} {m.Deleted} {m.ApiEnabled} {m.Description} ")
                .Append($"{m.ReleaseDuration} {m.MaxReleaseDuration} changes {m.PasswordChangeCount} {m.LastChangeDate:O} ")
                .Append($"insync {state.SystemHasStoredPassword(id)} {Settings(m.Settings)}\n");
        }

        foreach (var rule in state.SmartRules) text.Append($"rule {rule.SmartRuleId} {rule.Title} [{Join(rule.AccountIds)}]\n");
        text.Append($"changes audited {state.Audit.Count(e => !ReadOnlyKinds.Contains(e.Kind))}\n");
        return new EmulatorStateSnapshot(text.ToString());
    }

    /// <summary>Fails with the first differing line when the state changed.</summary>
    public void AssertUnchanged(EmulatorState state, string scenario)
    {
        var now = Take(state).text;
        if (now == text) return;
        var before = text.Split('\n');
        var after = now.Split('\n');
        var first = Enumerable.Range(0, Math.Max(before.Length, after.Length))
            .First(i => i >= before.Length || i >= after.Length || before[i] != after[i]);
        Assert.Fail($"[{scenario}] the emulator state changed.\nbefore: {Line(before, first)}\nafter:  {Line(after, first)}");
    }

    private static string Line(string[] lines, int index) => index < lines.Length ? lines[index] : "(none)";

    private static string Rules(IEnumerable<AddressRule> rules) => string.Join(",", rules.Select(r => $"{r.Id}:{r.Kind}:{r.Value}"));

    private static string Join(IEnumerable<int> ids) => string.Join(",", ids.OrderBy(i => i));

    private static string Settings(IReadOnlyDictionary<string, object?> settings) =>
        string.Join(";", settings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
