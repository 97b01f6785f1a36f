using System;
using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>The filters of GET ManagedAccounts (api-v3 §2.1); null means "not filtered". Names compare case-insensitively.</summary>
internal sealed class AccountFilter
{
    internal string? SystemName { get; init; }
    internal string? AccountName { get; init; }
    internal int? SystemId { get; init; }
    internal string? WorkgroupName { get; init; }
    internal ManagedAccountType? Type { get; init; }
    /// <summary>type=recent: the accounts the caller has requested.</summary>
    internal IReadOnlySet<int>? RecentAccountIds { get; init; }
    internal string? IPAddress { get; init; }
    internal string? ApplicationDisplayName { get; init; }

    /// <summary>§2.1: with both names the answer is one object (or 404) instead of an array.</summary>
    internal bool IsExactLookup => !string.IsNullOrEmpty(SystemName) && !string.IsNullOrEmpty(AccountName);

    internal bool NarrowsBySystem => SystemId is not null || !string.IsNullOrEmpty(SystemName);

    /// <summary>True when something beyond the system filters must be checked account by account.</summary>
    internal bool NeedsScan => !string.IsNullOrEmpty(AccountName) || !string.IsNullOrEmpty(WorkgroupName) || Type is not null
        || RecentAccountIds is not null || !string.IsNullOrEmpty(IPAddress) || !string.IsNullOrEmpty(ApplicationDisplayName);

    internal bool Matches(ManagedAccount account)
    {
        var system = account.System;
        if (SystemId is int id && system.ManagedSystemId != id) return false;
        if (!string.IsNullOrEmpty(SystemName) && !Same(system.SystemName, SystemName)) return false;
        if (!string.IsNullOrEmpty(AccountName) && !NameMatches(account, AccountName)) return false;
        if (!string.IsNullOrEmpty(WorkgroupName) && !Same(system.Workgroup.Name, WorkgroupName)) return false;
        if (Type is ManagedAccountType type && account.Type != type) return false;
        if (RecentAccountIds is not null && !RecentAccountIds.Contains(account.ManagedAccountId)) return false;
        // §2.1: the address filter is for system, domain-linked and database accounts; without a type it keeps to them [I].
        if (!string.IsNullOrEmpty(IPAddress) && (!Same(system.IPAddress, IPAddress) || account.Type is ManagedAccountType.Cloud or ManagedAccountType.Application)) return false;
        if (!string.IsNullOrEmpty(ApplicationDisplayName) && !Same(account.ApplicationDisplayName, ApplicationDisplayName)) return false;
        return true;
    }

    /// <summary>
    /// §2.1: directory (domain-linked) accounts are named as DOMAIN\name or by UPN, never by the bare name; other
    /// accounts by their name (or DOMAIN\name when they carry a domain).
    /// </summary>
    internal static bool NameMatches(ManagedAccount account, string name)
    {
        if (account.Type != ManagedAccountType.DomainLinked && Same(account.AccountName, name)) return true;
        if (!string.IsNullOrEmpty(account.UserPrincipalName) && Same(account.UserPrincipalName, name)) return true;
        var slash = name.IndexOf('\\');
        return slash > 0 && !string.IsNullOrEmpty(account.DomainName)
            && name.AsSpan(0, slash).Equals(account.DomainName, StringComparison.OrdinalIgnoreCase)
            && name.AsSpan(slash + 1).Equals(account.AccountName, StringComparison.OrdinalIgnoreCase);
    }

    private static bool Same(string? value, string wanted) => string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase);
}
