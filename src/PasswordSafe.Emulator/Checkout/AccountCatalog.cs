using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// Workgroups, managed systems, managed accounts, smart rules and access policies, as one immutable snapshot.
/// Accounts sit in one array ordered by (system id, account id), so a system is a contiguous range and a page is a
/// slice; each user's roles are precomputed into an <see cref="AccountView"/> of this snapshot and cached until
/// <see cref="InvalidateViews"/>.
/// Positions (array indexes) belong to the snapshot, never to the shared model objects: provisioning (E5) builds a
/// new catalog while calls may still be reading this one, and a position from one snapshot means another account
/// in the next. So positions never leave this class and its views; callers hand in accounts, not positions.
/// </summary>
internal sealed class AccountCatalog
{
    private readonly ManagedAccount[] _accounts;
    private readonly Dictionary<int, int> _positionByAccountId;
    /// <summary>[First, End) of each system's accounts in <see cref="_accounts"/>; systems without accounts are absent.</summary>
    private readonly Dictionary<int, (int First, int End)> _rangeBySystemId;
    /// <summary>Each rule's accounts as positions, resolved once here so building a user's view needs no lookups.</summary>
    private readonly Dictionary<int, int[]> _positionsByRuleId;
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
        _positionByAccountId = new Dictionary<int, int>(_accounts.Length);
        _rangeBySystemId = new Dictionary<int, (int First, int End)>(systems.Count);
        var rangeStart = 0;
        for (var i = 0; i < _accounts.Length; i++)
        {
            _positionByAccountId.Add(_accounts[i].ManagedAccountId, i);
            var systemId = _accounts[i].System.ManagedSystemId;
            // Sorted by system: a range closes where the next account belongs to another system (or the array ends).
            if (i + 1 == _accounts.Length || _accounts[i + 1].System.ManagedSystemId != systemId)
            {
                _rangeBySystemId.Add(systemId, (rangeStart, i + 1));
                rangeStart = i + 1;
            }
        }

        _rules = rules.ToDictionary(r => r.SmartRuleId);
        _positionsByRuleId = new Dictionary<int, int[]>(rules.Count);
        foreach (var rule in rules)
        {
            var positions = new List<int>(rule.AccountIds.Count);
            var seen = new HashSet<int>();
            foreach (var id in rule.AccountIds)
            {
                if (_positionByAccountId.TryGetValue(id, out var position) && seen.Add(position)) positions.Add(position);
            }
            foreach (var systemId in rule.ManagedSystemIds)
            {
                if (!_rangeBySystemId.TryGetValue(systemId, out var range)) continue;
                for (var i = range.First; i < range.End; i++)
                    if (seen.Add(i)) positions.Add(i);
            }
            _positionsByRuleId.Add(rule.SmartRuleId, positions.ToArray());
        }
    }

    /// <summary>
    /// A new catalog with the same policies after a provisioning change (E5). Accounts keep their objects (open
    /// requests hold them) and get positions in the new catalog only; this one and its views stay as they were for
    /// the calls still reading them. Every per-user view of the new catalog is built on first use.
    /// </summary>
    internal AccountCatalog Rebuild(IReadOnlyList<Workgroup> workgroups, IReadOnlyList<ManagedSystem> systems,
        List<ManagedAccount> accounts, IReadOnlyList<SmartRule> rules) =>
        new(workgroups, systems, accounts, rules, _policies.Values.ToList(), _groupsOf);

    /// <summary>Every account in catalog order (system id, then account id).</summary>
    internal IReadOnlyList<ManagedAccount> Accounts => _accounts;

    /// <summary>The accounts of one system, in account id order.</summary>
    internal IEnumerable<ManagedAccount> AccountsOf(ManagedSystem system)
    {
        if (!_rangeBySystemId.TryGetValue(system.ManagedSystemId, out var range)) yield break;
        for (var i = range.First; i < range.End; i++) yield return _accounts[i];
    }

    /// <summary>The rule's accounts as this catalog resolves them (listed ones and every account of listed systems), by id.</summary>
    internal IEnumerable<ManagedAccount> AccountsOf(SmartRule rule) =>
        _positionsByRuleId.TryGetValue(rule.SmartRuleId, out var positions)
            ? positions.Select(i => _accounts[i]).OrderBy(a => a.ManagedAccountId)
            : [];

    internal IReadOnlyList<Workgroup> Workgroups { get; }
    internal int Count => _accounts.Length;
    internal IEnumerable<ManagedSystem> Systems => _systemsById.Values.OrderBy(s => s.ManagedSystemId);
    internal IEnumerable<SmartRule> SmartRules => _rules.Values.OrderBy(r => r.SmartRuleId);
    internal IEnumerable<AccessPolicy> AccessPolicies => _policies.Values.OrderBy(p => p.AccessPolicyId);

    internal ManagedAccount? FindAccount(int accountId) =>
        _positionByAccountId.TryGetValue(accountId, out var position) ? _accounts[position] : null;
    internal ManagedSystem? FindSystem(int systemId) => _systemsById.GetValueOrDefault(systemId);
    internal SmartRule? FindSmartRule(int id) => _rules.GetValueOrDefault(id);
    internal AccessPolicy? FindPolicy(int id) => _policies.GetValueOrDefault(id);

    /// <summary>
    /// The account's position in this catalog, or -1 when this catalog does not hold that object (deleted before it
    /// was built, or added after): such an account has no role in any view of this catalog.
    /// </summary>
    internal int PositionOf(ManagedAccount account) =>
        _positionByAccountId.TryGetValue(account.ManagedAccountId, out var position) && ReferenceEquals(_accounts[position], account)
            ? position
            : -1;

    /// <summary>The first account matching system and account name (§2.1 naming rules), for tests and the banner.</summary>
    internal ManagedAccount? FindAccount(string systemName, string accountName)
    {
        if (!_systemsByName.TryGetValue(systemName, out var systems)) return null;
        foreach (var system in systems)
        {
            foreach (var account in AccountsOf(system))
            {
                if (AccountFilter.NameMatches(account, accountName)) return account;
            }
        }
        return null;
    }

    /// <summary>
    /// The user's roles on every account of this catalog; built once per user, rebuilt after <see cref="InvalidateViews"/>.
    /// A call reads everything (accounts, roles, policies, pages) through the one view it took, so a catalog swapped in
    /// meanwhile cannot mix into its answer.
    /// </summary>
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
        // A view's positions index only the catalog that built it (see the class comment).
        if (!ReferenceEquals(view.Catalog, this)) throw new InvalidOperationException("The account view belongs to another catalog snapshot.");
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
        var ranges = new List<(int First, int End)>();
        foreach (var system in systems)
        {
            if (_rangeBySystemId.TryGetValue(system.ManagedSystemId, out var range)) ranges.Add(range);
        }
        ranges.Sort();
        foreach (var range in ranges) yield return range;
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
                if (!_positionsByRuleId.TryGetValue(grant.SmartRuleId, out var rulePositions)) continue;
                var policy = grant.AccessPolicyId is int policyId ? _policies.GetValueOrDefault(policyId) : null;
                var requestor = (grant.Roles & SmartRuleRoles.Requestor) != 0 && policy is not null;
                anyRequestor |= requestor;
                anyApprover |= (grant.Roles & SmartRuleRoles.Approver) != 0;
                foreach (var position in rulePositions)
                {
                    roles[position] |= grant.Roles;
                    if (requestor && (policies[position] is not { } current || policy!.PermissivenessKey.CompareTo(current.PermissivenessKey) < 0))
                        policies[position] = policy;
                }
            }
        }
        var listable = new List<int>();
        for (var i = 0; i < roles.Length; i++)
        {
            if (_accounts[i].ApiEnabled && (roles[i] & (SmartRuleRoles.Requestor | SmartRuleRoles.ISA)) != 0) listable.Add(i);
        }
        return new AccountView(this, listable.ToArray(), roles, policies, anyRequestor, anyApprover);
    }
}
