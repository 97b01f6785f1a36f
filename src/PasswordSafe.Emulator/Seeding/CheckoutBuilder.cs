using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// Builds the checkout part of a seed (workgroups, managed systems and accounts, smart rules, access policies, the
/// generated data set) and checks the input rules a console would enforce (api-v3 §2.2, §6.3 validators).
/// </summary>
internal sealed class CheckoutBuilder
{
    internal const string DefaultOrganizationId = "6f1a2b3c-0000-4000-8000-000000000001";

    private readonly Dictionary<int, Workgroup> _workgroups = new();
    private readonly Dictionary<int, ManagedSystem> _systems = new();
    private readonly List<ManagedAccount> _accounts = new();
    private readonly Dictionary<int, ManagedAccount> _accountsById = new();
    private readonly Dictionary<int, SmartRule> _rules = new();
    private readonly Dictionary<int, AccessPolicy> _policies = new();

    /// <summary>The generated data set's rule and policy, granted to groups once they exist.</summary>
    internal SmartRuleGrant? GeneratedGrant { get; private set; }
    internal IReadOnlyList<int>? GeneratedGrantGroupIds { get; private set; }

    internal SmartRule? FindSmartRule(int id) => _rules.GetValueOrDefault(id);
    internal AccessPolicy? FindPolicy(int id) => _policies.GetValueOrDefault(id);

    internal void Add(EmulatorSeed seed)
    {
        foreach (var (item, index) in StateBuilder.Indexed(seed.Workgroups))
            AddWorkgroup(item, SeedPlace.Of("Workgroups", index, item.Name, $"ID {item.ID}"));
        foreach (var (item, index) in StateBuilder.Indexed(seed.ManagedSystems))
            AddSystem(item, SeedPlace.Of("ManagedSystems", index, item.SystemName, $"ManagedSystemID {item.ManagedSystemID}"));
        foreach (var (item, index) in StateBuilder.Indexed(seed.ManagedAccounts))
            AddAccount(item, SeedPlace.Of("ManagedAccounts", index, item.AccountName, $"ManagedAccountID {item.ManagedAccountID}"));
        foreach (var (item, index) in StateBuilder.Indexed(seed.SmartRules))
            AddSmartRule(item, SeedPlace.Of("SmartRules", index, item.Title, $"SmartRuleID {item.SmartRuleID}"));
        foreach (var (item, index) in StateBuilder.Indexed(seed.AccessPolicies))
            AddPolicy(AccessPolicySeedReader.Read(item, index), SeedPlace.Of("AccessPolicies", index, item.Name, $"AccessPolicyID {item.AccessPolicyID}"));
        if (seed.Generate is { } generate) AccountGenerator.Generate(generate, this);
    }

    internal AccountCatalog Build(Func<int, IReadOnlyList<UserGroup>> groupsOf) => new(
        _workgroups.Values.OrderBy(w => w.Id).ToList(), _systems.Values.ToList(), _accounts,
        _rules.Values.ToList(), _policies.Values.ToList(), groupsOf);

    /// <summary>
    /// Checks the seed's aliases against the accounts: unique positive ids and names, mapped accounts that exist (each
    /// once), at most one Preferred, and a Preferred one wherever the state says the alias can be requested.
    /// </summary>
    internal IReadOnlyList<ManagedAccountAlias> BuildAliases(IEnumerable<SeedAlias>? aliases)
    {
        var built = new List<ManagedAccountAlias>();
        var ids = new HashSet<int>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (item, index) in StateBuilder.Indexed(aliases as IReadOnlyList<SeedAlias> ?? aliases?.ToList(), "Aliases"))
        {
            var where = SeedPlace.Of("Aliases", index, item.AliasName, $"AliasID {item.AliasID}");
            if (item.AliasID <= 0) throw new SeedException($"{where}: {StateBuilder.PositiveId("AliasID", item.AliasID, "alias")}");
            if (!ids.Add(item.AliasID)) throw new SeedException($"{where} appears twice: give each alias its own AliasID.");
            if (string.IsNullOrWhiteSpace(item.AliasName)) throw new SeedException($"{where}: AliasName is required.");
            if (!names.Add(item.AliasName!)) throw new SeedException($"{where}: the AliasName '{item.AliasName}' is used twice; alias names are unique.");
            var mappings = new List<AliasMapping>();
            foreach (var mapped in item.MappedAccounts ?? [])
            {
                if (!_accountsById.ContainsKey(mapped.ManagedAccountID))
                    throw new SeedException($"{where}: MappedAccounts lists {mapped.ManagedAccountID}, which is not in ManagedAccounts.");
                if (mappings.Any(m => m.ManagedAccountId == mapped.ManagedAccountID))
                    throw new SeedException($"{where}: MappedAccounts lists {mapped.ManagedAccountID} twice.");
                mappings.Add(new AliasMapping(mapped.ManagedAccountID, mapped.Status ?? AliasMappingStatus.Available));
            }
            var preferred = mappings.Count(m => m.Status == AliasMappingStatus.Preferred);
            if (preferred > 1) throw new SeedException($"{where}: only one mapped account can be Preferred.");
            var state = item.AliasState is int given
                ? Enum.IsDefined((AliasState)given) ? (AliasState)given : throw new SeedException($"{where}: AliasState must be 0 (Unmapped), 1 (Mapped) or 2 (Highly Available).")
                : preferred == 0 ? AliasState.Unmapped : mappings.Count == 1 ? AliasState.Mapped : AliasState.HighlyAvailable;
            if (state != AliasState.Unmapped && preferred == 0)
                throw new SeedException($"{where}: a mapped alias (AliasState {(int)state}) needs one mapped account with \"Status\": \"Preferred\".");
            built.Add(new ManagedAccountAlias(item.AliasID, item.AliasName!, state, mappings));
        }
        return built.OrderBy(a => a.AliasId).ToList();
    }

    /// <summary>Checks a group's SmartRuleAccess against the rules and policies.</summary>
    internal IReadOnlyList<SmartRuleGrant> BuildGrants(SeedUserGroup group, string where)
    {
        var grants = new List<SmartRuleGrant>();
        foreach (var item in group.SmartRuleAccess ?? [])
        {
            if (!_rules.ContainsKey(item.SmartRuleID))
                throw new SeedException($"{where}: SmartRuleAccess names SmartRuleID {item.SmartRuleID}, which is not in SmartRules.");
            var roles = (item.Roles ?? []).Aggregate(SmartRuleRoles.None, (all, role) => all | role);
            if (roles == SmartRuleRoles.None)
                throw new SeedException($"{where}: SmartRuleAccess for rule {item.SmartRuleID} needs Roles, e.g. [\"Requestor\"] or [\"ISA\"].");
            if (item.AccessPolicyID is int policyId && !_policies.ContainsKey(policyId))
                throw new SeedException($"{where}: SmartRuleAccess names AccessPolicyID {policyId}, which is not in AccessPolicies.");
            if ((roles & SmartRuleRoles.Requestor) != 0 && item.AccessPolicyID is null)
                throw new SeedException($"{where}: a Requestor role on rule {item.SmartRuleID} needs an AccessPolicyID (it decides auto-approval and access types).");
            grants.Add(new SmartRuleGrant(item.SmartRuleID, roles, item.AccessPolicyID));
        }
        return grants;
    }

    internal Workgroup AddWorkgroup(SeedWorkgroup item, string? where = null)
    {
        where ??= $"Workgroup {item.ID}";
        if (item.ID <= 0) throw new SeedException($"{where}: {StateBuilder.PositiveId("ID", item.ID, "workgroup")}");
        var workgroup = new Workgroup(item.ID, string.IsNullOrWhiteSpace(item.Name) ? $"Workgroup {item.ID}" : item.Name!,
            string.IsNullOrWhiteSpace(item.OrganizationID) ? DefaultOrganizationId : item.OrganizationID!);
        if (!_workgroups.TryAdd(workgroup.Id, workgroup)) throw new SeedException($"{where} appears twice: give each workgroup its own ID.");
        return workgroup;
    }

    internal ManagedSystem AddSystem(SeedManagedSystem item, string? where = null)
    {
        where ??= $"Managed system {item.ManagedSystemID}";
        if (item.ManagedSystemID <= 0) throw new SeedException($"{where}: {StateBuilder.PositiveId("ManagedSystemID", item.ManagedSystemID, "system")}");
        if (string.IsNullOrWhiteSpace(item.SystemName)) throw new SeedException($"{where}: SystemName is required.");
        Workgroup workgroup;
        if (item.WorkgroupID is int workgroupId)
        {
            workgroup = _workgroups.GetValueOrDefault(workgroupId)
                ?? throw new SeedException($"{where}: WorkgroupID {workgroupId} is not in Workgroups (list workgroups before systems).");
        }
        else
        {
            workgroup = _workgroups.Values.OrderBy(w => w.Id).FirstOrDefault()
                ?? AddWorkgroup(new SeedWorkgroup { ID = 1, Name = "Default Workgroup" });
        }
        var release = Duration(item.ReleaseDuration, 120, where, "ReleaseDuration");
        var max = Duration(item.MaxReleaseDuration, CheckoutCodes.MaxDurationMinutes, where, "MaxReleaseDuration");
        if (release > max) throw new SeedException($"{where}: ReleaseDuration ({release}) must not exceed MaxReleaseDuration ({max}).");
        var system = new ManagedSystem(item.ManagedSystemID, item.SystemName!, workgroup)
        {
            PlatformId = item.PlatformID ?? 1,
            IPAddress = item.IPAddress,
            HostName = item.HostName,
            DnsName = item.DnsName,
            InstanceName = item.InstanceName,
            Description = item.Description,
            ReleaseDuration = release,
            MaxReleaseDuration = max,
            ISAReleaseDuration = Duration(item.ISAReleaseDuration, 120, where, "ISAReleaseDuration"),
        };
        if (!_systems.TryAdd(system.ManagedSystemId, system)) throw new SeedException($"{where} appears twice: give each system its own ManagedSystemID.");
        return system;
    }

    internal void AddAccount(SeedManagedAccount item, string where)
    {
        if (item.ManagedAccountID <= 0) throw new SeedException($"{where}: {StateBuilder.PositiveId("ManagedAccountID", item.ManagedAccountID, "account")}");
        if (string.IsNullOrWhiteSpace(item.AccountName)) throw new SeedException($"{where}: AccountName is required.");
        var system = _systems.GetValueOrDefault(item.ManagedSystemID)
            ?? throw new SeedException($"{where}: ManagedSystemID {item.ManagedSystemID} is not in ManagedSystems (list systems before accounts).");
        if (item.Password is null && item.PrivateKey is null)
            throw new SeedException($"{where}: give a Password, a PrivateKey (DSS key), or both.");
        if (item.Passphrase is not null && item.PrivateKey is null)
            throw new SeedException($"{where}: a Passphrase protects a PrivateKey; add the PrivateKey or remove the Passphrase.");
        var type = item.Type ?? ManagedAccountType.System;
        if (type == ManagedAccountType.DomainLinked && string.IsNullOrWhiteSpace(item.DomainName) && string.IsNullOrWhiteSpace(item.UserPrincipalName))
            throw new SeedException($"{where}: a domainlinked account needs DomainName or UserPrincipalName (clients name it DOMAIN\\name or by UPN, §2.1).");
        if (type == ManagedAccountType.Application && item.ApplicationID is null)
            throw new SeedException($"{where}: an application account needs ApplicationID (and usually ApplicationDisplayName).");
        var max = item.MaxReleaseDuration is null ? system.MaxReleaseDuration : Duration(item.MaxReleaseDuration, 0, where, "MaxReleaseDuration");
        var release = item.ReleaseDuration is null ? Math.Min(system.ReleaseDuration, max) : Duration(item.ReleaseDuration, 0, where, "ReleaseDuration");
        if (release > max) throw new SeedException($"{where}: ReleaseDuration ({release}) must not exceed MaxReleaseDuration ({max}).");
        if (item.MaxConcurrentRequests is < 0 or > 999) throw new SeedException($"{where}: MaxConcurrentRequests must be from 0 (no limit) to 999.");
        Add(new ManagedAccount(item.ManagedAccountID, system, item.AccountName!, type)
        {
            DomainName = item.DomainName,
            UserPrincipalName = item.UserPrincipalName,
            InstanceName = item.InstanceName ?? (type == ManagedAccountType.Database ? system.InstanceName : null),
            ApplicationId = item.ApplicationID,
            ApplicationDisplayName = item.ApplicationDisplayName,
            Description = item.Description,
            PreferredNodeId = item.PreferredNodeID,
            ApiEnabled = item.ApiEnabled ?? true,
            Password = item.Password is null ? null : ProtectedSecret.Protect(item.Password),
            PrivateKey = item.PrivateKey is null ? null : ProtectedSecret.Protect(item.PrivateKey),
            Passphrase = item.Passphrase is null ? null : ProtectedSecret.Protect(item.Passphrase),
            ReleaseDuration = release,
            MaxReleaseDuration = max,
            ISAReleaseDuration = item.ISAReleaseDuration is null ? system.ISAReleaseDuration : Duration(item.ISAReleaseDuration, 0, where, "ISAReleaseDuration"),
            MaxConcurrentRequests = item.MaxConcurrentRequests ?? 0,
        }, where);
    }

    internal void Add(ManagedAccount account, string where)
    {
        if (!_accountsById.TryAdd(account.ManagedAccountId, account))
            throw new SeedException($"{where} appears twice: give each account its own ManagedAccountID.");
        _accounts.Add(account);
    }

    internal void AddSmartRule(SeedSmartRule item, string where)
    {
        if (item.SmartRuleID <= 0) throw new SeedException($"{where}: {StateBuilder.PositiveId("SmartRuleID", item.SmartRuleID, "smart rule")}");
        var ids = new List<int>();
        var seen = new HashSet<int>();
        foreach (var id in item.ManagedAccountIDs ?? [])
        {
            if (!_accountsById.ContainsKey(id)) throw new SeedException($"{where}: ManagedAccountIDs lists {id}, which is not in ManagedAccounts.");
            if (seen.Add(id)) ids.Add(id);
        }
        var systemIds = new List<int>();
        foreach (var systemId in item.ManagedSystemIDs ?? [])
        {
            if (!_systems.ContainsKey(systemId)) throw new SeedException($"{where}: ManagedSystemIDs lists {systemId}, which is not in ManagedSystems.");
            if (!systemIds.Contains(systemId)) systemIds.Add(systemId);
        }
        // Systems stay systems (not expanded here) so accounts provisioned on them later join the rule too (E5).
        AddRule(new SmartRule(item.SmartRuleID, string.IsNullOrWhiteSpace(item.Title) ? $"Smart rule {item.SmartRuleID}" : item.Title!, ids)
        {
            ManagedSystemIds = systemIds,
        }, where);
    }

    internal void AddRule(SmartRule rule, string where)
    {
        if (!_rules.TryAdd(rule.SmartRuleId, rule)) throw new SeedException($"{where} appears twice: give each smart rule its own SmartRuleID.");
    }

    /// <summary>Adds a policy whose id and every ScheduleID are free: POST Requests names a schedule by its id alone.</summary>
    internal void AddPolicy(AccessPolicy policy, string where)
    {
        // The id first: a flat policy's ScheduleID defaults to its AccessPolicyID, so a repeated id would read as a repeated schedule.
        if (_policies.ContainsKey(policy.AccessPolicyId))
            throw new SeedException($"{where}: AccessPolicyID {policy.AccessPolicyId} appears twice: give each policy its own AccessPolicyID.");
        foreach (var schedule in policy.Schedules)
        {
            if (OwnerOfSchedule(schedule.ScheduleId) is { } other)
                throw new SeedException($"{where}: ScheduleID {schedule.ScheduleId} is already a schedule of AccessPolicyID {other.AccessPolicyId}; give each schedule its own ScheduleID.");
        }
        _policies.Add(policy.AccessPolicyId, policy);
    }

    /// <summary>A free ScheduleID for a generated policy: its own id, as a flat seeded policy's, unless a schedule has it.</summary>
    internal int FreeScheduleId(int preferred) =>
        OwnerOfSchedule(preferred) is null ? preferred : _policies.Values.SelectMany(p => p.Schedules).Max(s => s.ScheduleId) + 1;

    private AccessPolicy? OwnerOfSchedule(int scheduleId) => _policies.Values.FirstOrDefault(p => p.FindSchedule(scheduleId) is not null);

    internal void GrantGenerated(SmartRuleGrant grant, IReadOnlyList<int>? groupIds)
    {
        GeneratedGrant = grant;
        GeneratedGrantGroupIds = groupIds;
    }

    internal int NextWorkgroupId => _workgroups.Count == 0 ? 1 : _workgroups.Keys.Max() + 1;
    internal int NextSystemId => _systems.Count == 0 ? 1 : _systems.Keys.Max() + 1;
    internal int NextAccountId => _accountsById.Count == 0 ? 1 : _accountsById.Keys.Max() + 1;
    internal int NextSmartRuleId => _rules.Count == 0 ? 1 : _rules.Keys.Max() + 1;
    internal int NextPolicyId => _policies.Count == 0 ? 1 : _policies.Keys.Max() + 1;
    internal void EnsureCapacity(int accounts) => _accounts.Capacity = Math.Max(_accounts.Capacity, _accounts.Count + accounts);

    /// <summary>api-v3 §6.3: release durations are 1–525600 minutes; null takes the fallback.</summary>
    private static int Duration(int? value, int fallback, string where, string name)
    {
        if (value is null) return fallback;
        if (value < 1 || value > CheckoutCodes.MaxDurationMinutes)
            throw new SeedException($"{where}: {name} must be from 1 to {CheckoutCodes.MaxDurationMinutes} minutes.");
        return value.Value;
    }
}
