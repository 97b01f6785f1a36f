using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// Workgroups, managed systems, managed accounts, smart rules and access policies. Accounts sit in one array ordered
/// by (system id, account id), so a system is a contiguous range and a page is a slice; each user's roles are
/// precomputed into an <see cref="AccountView"/> and cached until <see cref="InvalidateViews"/>.
/// </summary>
internal sealed class AccountCatalog
{
    private readonly ManagedAccount[] _accounts;
    private readonly Dictionary<int, ManagedAccount> _accountsById;
    private readonly Dictionary<int, ManagedSystem> _systemsById;
    private readonly Dictionary<string, ManagedSystem[]> _systemsByName;
    private readonly Dictionary<int, SmartRule> _rules;
    private readonly Dictionary<int, AccessPolicy> _policies;
    private readonly Func<int, IReadOnlyList<UserGroup>> _groupsOf;
    private readonly object _viewGate = new();
    private Dictionary<int, AccountView> _views = new();

    internal AccountCatalog(IReadOnlyList<Workgroup> workgroups, IReadOnlyList<ManagedSystem> systems, List<ManagedAccount> accounts,
        IReadOnlyList<SmartRule> rules, IReadOnlyList<AccessPolicy> policies, Func<int, IReadOnlyList<UserGroup>> groupsOf)
    {
        Workgroups = workgroups;
        _groupsOf = groupsOf;
        _systemsById = systems.ToDictionary(s => s.ManagedSystemId);
        _systemsByName = systems.GroupBy(s => s.SystemName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        _policies = policies.ToDictionary(p => p.AccessPolicyId);

        accounts.Sort(static (a, b) => a.System.ManagedSystemId != b.System.ManagedSystemId
            ? a.System.ManagedSystemId.CompareTo(b.System.ManagedSystemId)
            : a.ManagedAccountId.CompareTo(b.ManagedAccountId));
        _accounts = accounts.ToArray();
        _accountsById = new Dictionary<int, ManagedAccount>(_accounts.Length);
        foreach (var system in systems) system.FirstAccountIndex = system.EndAccountIndex = 0;
        var seenSystem = new HashSet<int>();
        for (var i = 0; i < _accounts.Length; i++)
        {
            var account = _accounts[i];
            account.Index = i;
            _accountsById.Add(account.ManagedAccountId, account);
            var system = account.System;
            if (seenSystem.Add(system.ManagedSystemId)) system.FirstAccountIndex = i;
            system.EndAccountIndex = i + 1;
        }

        _rules = rules.ToDictionary(r => r.SmartRuleId);
        foreach (var rule in rules)
        {
            var indexes = new List<int>(rule.AccountIds.Count);
            var seen = new HashSet<int>();
            foreach (var id in rule.AccountIds)
            {
                if (_accountsById.TryGetValue(id, out var account) && seen.Add(account.Index)) indexes.Add(account.Index);
            }
            foreach (var systemId in rule.ManagedSystemIds)
            {
                if (!_systemsById.TryGetValue(systemId, out var system)) continue;
                for (var i = system.FirstAccountIndex; i < system.EndAccountIndex; i++)
                    if (seen.Add(i)) indexes.Add(i);
            }
            rule.AccountIndexes = indexes.ToArray();
        }
    }

    /// <summary>
    /// A new catalog with the same policies after a provisioning change (E5). Accounts keep their objects (open
    /// requests hold them) and get new positions; every per-user view is rebuilt on first use. A call already
    /// holding the old view may read a moved position for that one call; AccountView.Has bounds-checks it.
    /// </summary>
    internal AccountCatalog Rebuild(IReadOnlyList<Workgroup> workgroups, IReadOnlyList<ManagedSystem> systems,
        List<ManagedAccount> accounts, IReadOnlyList<SmartRule> rules) =>
        new(workgroups, systems, accounts, rules, _policies.Values.ToList(), _groupsOf);

    /// <summary>Every account in catalog order (system id, then account id).</summary>
    internal IReadOnlyList<ManagedAccount> Accounts => _accounts;

    /// <summary>The accounts of one system, in account id order.</summary>
    internal IEnumerable<ManagedAccount> AccountsOf(ManagedSystem system)
    {
        for (var i = system.FirstAccountIndex; i < system.EndAccountIndex; i++) yield return _accounts[i];
    }

    internal IReadOnlyList<Workgroup> Workgroups { get; }
    internal int Count => _accounts.Length;
    internal ManagedAccount this[int index] => _accounts[index];
    internal IEnumerable<ManagedSystem> Systems => _systemsById.Values.OrderBy(s => s.ManagedSystemId);
    internal IEnumerable<SmartRule> SmartRules => _rules.Values.OrderBy(r => r.SmartRuleId);
    internal IEnumerable<AccessPolicy> AccessPolicies => _policies.Values.OrderBy(p => p.AccessPolicyId);

    internal ManagedAccount? FindAccount(int accountId) => _accountsById.GetValueOrDefault(accountId);
    internal ManagedSystem? FindSystem(int systemId) => _systemsById.GetValueOrDefault(systemId);
    internal SmartRule? FindSmartRule(int id) => _rules.GetValueOrDefault(id);
    internal AccessPolicy? FindPolicy(int id) => _policies.GetValueOrDefault(id);

    /// <summary>The first account matching system and account name (§2.1 naming rules), for tests and the banner.</summary>
    internal ManagedAccount? FindAccount(string systemName, string accountName)
    {
        if (!_systemsByName.TryGetValue(systemName, out var systems)) return null;
        foreach (var system in systems)
        {
            for (var i = system.FirstAccountIndex; i < system.EndAccountIndex; i++)
            {
                if (AccountFilter.NameMatches(_accounts[i], accountName)) return _accounts[i];
            }
        }
        return null;
    }

    /// <summary>The user's roles on every account; built once per user, rebuilt after <see cref="InvalidateViews"/>.</summary>
    internal AccountView ViewFor(int userId)
    {
        var views = _views;
        lock (_viewGate)
        {
            if (views.TryGetValue(userId, out var cached)) return cached;
        }
        var view = BuildView(userId);
        lock (_viewGate)
        {
            // A view built while an invalidation happened is still returned, but not cached into the new generation.
            if (ReferenceEquals(views, _views)) _views[userId] = view;
        }
        return view;
    }

    /// <summary>Drops every cached view: call after groups, grants, rules or accounts change.</summary>
    internal void InvalidateViews()
    {
        lock (_viewGate) _views = new Dictionary<int, AccountView>();
    }

    /// <summary>
    /// Fills <paramref name="page"/> with the accounts at [offset, offset+limit) of the user's filtered list.
    /// Without per-account filters the page is a slice of the listable positions (binary search per system range).
    /// </summary>
    internal void Page(AccountView view, AccountFilter filter, int offset, int limit, List<ManagedAccount> page)
    {
        var listable = view.Listable;
        var skip = offset;
        foreach (var (first, end) in Ranges(filter))
        {
            var low = LowerBound(listable, first);
            var high = LowerBound(listable, end);
            if (!filter.NeedsScan)
            {
                var available = high - low;
                if (skip >= available)
                {
                    skip -= available;
                    continue;
                }
                for (var i = low + skip; i < high && page.Count < limit; i++) page.Add(_accounts[listable[i]]);
                skip = 0;
            }
            else
            {
                for (var i = low; i < high && page.Count < limit; i++)
                {
                    var account = _accounts[listable[i]];
                    if (!filter.Matches(account)) continue;
                    if (skip > 0) skip--;
                    else page.Add(account);
                }
            }
            if (page.Count >= limit) return;
        }
    }

    private IEnumerable<(int First, int End)> Ranges(AccountFilter filter)
    {
        if (!filter.NarrowsBySystem)
        {
            yield return (0, _accounts.Length);
            yield break;
        }
        IEnumerable<ManagedSystem> systems;
        if (!string.IsNullOrEmpty(filter.SystemName))
        {
            systems = _systemsByName.TryGetValue(filter.SystemName, out var named) ? named : [];
            if (filter.SystemId is int id) systems = systems.Where(s => s.ManagedSystemId == id);
        }
        else
        {
            systems = FindSystem(filter.SystemId!.Value) is { } one ? [one] : [];
        }
        foreach (var system in systems.OrderBy(s => s.FirstAccountIndex))
        {
            if (system.EndAccountIndex > system.FirstAccountIndex) yield return (system.FirstAccountIndex, system.EndAccountIndex);
        }
    }

    private static int LowerBound(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }

    private AccountView BuildView(int userId)
    {
        var roles = new SmartRuleRoles[_accounts.Length];
        var policies = new AccessPolicy?[_accounts.Length];
        var anyRequestor = false;
        var anyApprover = false;
        foreach (var group in _groupsOf(userId))
        {
            if (!group.IsActive) continue;
            foreach (var grant in group.SmartRuleAccess)
            {
                if (!_rules.TryGetValue(grant.SmartRuleId, out var rule)) continue;
                var policy = grant.AccessPolicyId is int policyId ? _policies.GetValueOrDefault(policyId) : null;
                var requestor = (grant.Roles & SmartRuleRoles.Requestor) != 0 && policy is not null;
                anyRequestor |= requestor;
                anyApprover |= (grant.Roles & SmartRuleRoles.Approver) != 0;
                foreach (var index in rule.AccountIndexes)
                {
                    roles[index] |= grant.Roles;
                    if (requestor && (policies[index] is not { } current || policy!.PermissivenessKey.CompareTo(current.PermissivenessKey) < 0))
                        policies[index] = policy;
                }
            }
        }
        var listable = new List<int>();
        for (var i = 0; i < roles.Length; i++)
        {
            if (_accounts[i].ApiEnabled && (roles[i] & (SmartRuleRoles.Requestor | SmartRuleRoles.ISA)) != 0) listable.Add(i);
        }
        return new AccountView(listable.ToArray(), roles, policies, anyRequestor, anyApprover);
    }
}
