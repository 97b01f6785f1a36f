using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// Provisioning (spec E5; api-v3 §2.2, §4.2, §6.1–6.4): workgroups, assets, managed systems and accounts, quick
/// rules, and setting/changing/testing credentials. A structural change rebuilds the account catalog and swaps it
/// in, so new accounts appear in checkout at once for users whose roles cover them. Ids only grow: a deleted
/// account's id never comes back and silently joins an old smart rule.
/// </summary>
public sealed partial class EmulatorState
{
    internal const string OrganizationId = CheckoutBuilder.DefaultOrganizationId;
    private const string AssetNotFound = "Asset not found";
    private const string SystemNotFound = "Managed System not found";
    private const string AccountNotFound = "Managed Account not found";
    /// <summary>A queued change (§4.2 Queue=true) runs this long after it was asked for, on the emulator clock.</summary>
    internal static readonly TimeSpan QueuedChangeDelay = TimeSpan.FromMinutes(1);

    private readonly Dictionary<int, Asset> _assets = new();
    private readonly Dictionary<string, int> _highWater = new(StringComparer.Ordinal);
    private readonly HashSet<int> _queuedChanges = new();

    public IReadOnlyList<Asset> Assets { get { lock (_gate) return _assets.Values.OrderBy(a => a.AssetId).ToList(); } }
    public Asset? FindAsset(int assetId) { lock (_gate) return _assets.GetValueOrDefault(assetId); }
    public ManagedSystem? FindManagedSystem(int systemId) => Catalog.FindSystem(systemId);

    /// <summary>The stored password and the system's agree (what Credentials/Test reports).</summary>
    public bool SystemHasStoredPassword(int accountId)
    {
        lock (_gate) return FindManagedAccount(accountId) is { } account && InSync(account);
    }

    internal Workgroup? FindWorkgroup(int id) => Catalog.Workgroups.FirstOrDefault(w => w.Id == id);
    internal Workgroup? FindWorkgroup(string name) =>
        Catalog.Workgroups.FirstOrDefault(w => string.Equals(w.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    // ---- workgroups and assets (§6.1, §6.2) -------------------------------------------------------

    internal LedgerOutcome<Workgroup> CreateWorkgroup(string name, string? organizationId, Caller caller)
    {
        lock (_gate)
        {
            if (FindWorkgroup(name) is not null) return AdminOutcome.Invalid<Workgroup>($"A workgroup named '{name.Trim()}' already exists: Name must be unique.");
            var workgroup = new Workgroup(NextId("workgroup", Catalog.Workgroups.Select(w => w.Id)), name.Trim(),
                string.IsNullOrWhiteSpace(organizationId) ? OrganizationId : organizationId.Trim());
            Rebuild(Catalog.Workgroups.Append(workgroup).ToList(), null, null, null);
            AddAudit(AuditKinds.WorkgroupCreated, caller, $"workgroup {workgroup.Id} '{workgroup.Name}' created");
            return LedgerOutcome<Workgroup>.Ok(workgroup, 201);
        }
    }

    internal IReadOnlyList<Asset> AssetsIn(int workgroupId)
    {
        lock (_gate) return _assets.Values.Where(a => a.WorkgroupId == workgroupId).OrderBy(a => a.AssetId).ToList();
    }

    /// <summary>§6.2: IPAddress is required; a duplicate name in the workgroup is 400 "An Asset by that name already exists".</summary>
    internal LedgerOutcome<Asset> CreateAsset(Workgroup workgroup, IReadOnlyDictionary<string, object?> values, Caller caller)
    {
        lock (_gate)
        {
            if (values.GetValueOrDefault("IPAddress") is not string ip) return AdminOutcome.Invalid<Asset>("IPAddress is required: the asset's IPv4 or IPv6 address.");
            var name = values.GetValueOrDefault("AssetName") as string is { Length: > 0 } given ? given.Trim() : ip;
            if (AssetNamed(workgroup.Id, name, null) is not null) return AdminOutcome.Invalid<Asset>("An Asset by that name already exists");
            var asset = new Asset(NextId("asset", _assets.Keys), workgroup.Id, name, ip, _clock.GetUtcNow());
            Apply(asset, values);
            _assets.Add(asset.AssetId, asset);
            AddAudit(AuditKinds.AssetCreated, caller, $"asset {asset.AssetId} '{asset.AssetName}' ({asset.IPAddress}) created in workgroup '{workgroup.Name}'");
            return LedgerOutcome<Asset>.Ok(asset, 201);
        }
    }

    internal LedgerOutcome<Asset> UpdateAsset(int assetId, IReadOnlyDictionary<string, object?> values, Caller caller)
    {
        lock (_gate)
        {
            if (!_assets.TryGetValue(assetId, out var asset)) return AdminOutcome.NotFound<Asset>(AssetNotFound);
            if (values.GetValueOrDefault("AssetName") is string { Length: > 0 } name && AssetNamed(asset.WorkgroupId, name.Trim(), assetId) is not null)
                return AdminOutcome.Invalid<Asset>("An Asset by that name already exists");
            if (values.GetValueOrDefault("AssetName") is string { Length: > 0 } newName) asset.AssetName = newName.Trim();
            if (values.GetValueOrDefault("IPAddress") is string newIp) asset.IPAddress = newIp;
            Apply(asset, values);
            asset.LastUpdateDate = _clock.GetUtcNow();
            AddAudit(AuditKinds.AssetUpdated, caller, $"asset {assetId} '{asset.AssetName}' updated");
            return LedgerOutcome<Asset>.Ok(asset);
        }
    }

    /// <summary>Deleting an asset deletes its managed system and that system's accounts (open requests are canceled).</summary>
    internal LedgerOutcome<bool> DeleteAsset(int assetId, Caller caller)
    {
        if (FindAsset(assetId) is null) return AdminOutcome.NotFound<bool>(AssetNotFound);
        var systems = Catalog.Systems.Where(s => s.AssetId == assetId).ToList();
        CancelRequestsOf(systems.SelectMany(s => Catalog.AccountsOf(s)).Select(a => a.ManagedAccountId).ToList(), caller, $"asset {assetId} deleted");
        lock (_gate)
        {
            if (!_assets.Remove(assetId, out var asset)) return AdminOutcome.NotFound<bool>(AssetNotFound);
            RememberId("asset", assetId);
            RemoveSystemsAndAccounts(systems.Select(s => s.ManagedSystemId).ToHashSet(), new HashSet<int>());
            AddAudit(AuditKinds.AssetDeleted, caller, $"asset {assetId} '{asset.AssetName}' deleted with {systems.Count} managed system(s)");
            return LedgerOutcome<bool>.Ok(true);
        }
    }

    // ---- managed systems (§6.3) --------------------------------------------------------------------

    /// <summary>POST Assets/{id}/ManagedSystems: the system takes the asset's name and address; one system per asset.</summary>
    internal LedgerOutcome<ManagedSystem> CreateSystemOnAsset(int assetId, IReadOnlyDictionary<string, object?> values, Caller caller)
    {
        lock (_gate)
        {
            if (!_assets.TryGetValue(assetId, out var asset)) return AdminOutcome.NotFound<ManagedSystem>(AssetNotFound);
            if (Catalog.Systems.FirstOrDefault(s => s.AssetId == assetId) is { } existing)
                return AdminOutcome.Invalid<ManagedSystem>($"Asset {assetId} is already managed by managed system {existing.ManagedSystemId}.");
            var workgroup = FindWorkgroup(asset.WorkgroupId)!;
            return CreateSystem(workgroup, asset.AssetName, asset.AssetId, values, new Dictionary<string, object?>
            {
                ["HostName"] = asset.AssetName,
                ["IPAddress"] = asset.IPAddress,
                ["DnsName"] = asset.DnsName,
            }, caller);
        }
    }

    /// <summary>POST Workgroups/{id}/ManagedSystems: a system without an asset, named by its HostName.</summary>
    internal LedgerOutcome<ManagedSystem> CreateSystemInWorkgroup(Workgroup workgroup, IReadOnlyDictionary<string, object?> values,
        IReadOnlyDictionary<string, object?> hostValues, Caller caller)
    {
        lock (_gate)
        {
            if (hostValues.GetValueOrDefault("HostName") is not string { Length: > 0 } hostName)
                return AdminOutcome.Invalid<ManagedSystem>("HostName is required for a managed system made in a workgroup.");
            if (hostValues.GetValueOrDefault("IPAddress") is not string)
                return AdminOutcome.Invalid<ManagedSystem>("IPAddress is required for a managed system made in a workgroup.");
            if (Catalog.Systems.Any(s => s.Workgroup.Id == workgroup.Id && string.Equals(s.SystemName, hostName.Trim(), StringComparison.OrdinalIgnoreCase)))
                return AdminOutcome.Invalid<ManagedSystem>($"A managed system named '{hostName.Trim()}' already exists in workgroup '{workgroup.Name}'.");
            return CreateSystem(workgroup, hostName.Trim(), null, values, hostValues, caller);
        }
    }

    internal LedgerOutcome<ManagedSystem> UpdateSystem(int systemId, IReadOnlyDictionary<string, object?> values, Caller caller)
    {
        lock (_gate)
        {
            if (Catalog.FindSystem(systemId) is not { } system) return AdminOutcome.NotFound<ManagedSystem>(SystemNotFound);
            var merged = new Dictionary<string, object?>(system.Settings, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in values) merged[name] = value;
            var release = values.GetValueOrDefault("ReleaseDuration") as int? ?? system.ReleaseDuration;
            var max = values.GetValueOrDefault("MaxReleaseDuration") as int? ?? system.MaxReleaseDuration;
            if (SystemProblem(merged, release, max) is { } problem) return AdminOutcome.Invalid<ManagedSystem>(problem);
            // Only a PlatformID sent now is checked: a seed may hold platforms this catalog lacks.
            if (Platform.Problem(values) is { } unknownPlatform) return AdminOutcome.Invalid<ManagedSystem>(unknownPlatform);
            if (ApplicationHostProblem(values, systemId) is { } badHost) return AdminOutcome.Invalid<ManagedSystem>(badHost);
            system.PlatformId = values.GetValueOrDefault("PlatformID") as int? ?? system.PlatformId;
            system.Description = values.GetValueOrDefault("Description") as string ?? system.Description;
            system.ReleaseDuration = release;
            system.MaxReleaseDuration = max;
            system.ISAReleaseDuration = values.GetValueOrDefault("ISAReleaseDuration") as int? ?? system.ISAReleaseDuration;
            system.Settings = Settled(merged, ["PlatformID", "Description", "ReleaseDuration", "MaxReleaseDuration", "ISAReleaseDuration"]);
            AddAudit(AuditKinds.ManagedSystemUpdated, caller, $"managed system {systemId} '{system.SystemName}' updated");
            return LedgerOutcome<ManagedSystem>.Ok(system);
        }
    }

    /// <summary>Deleting a managed system deletes its accounts (their open requests are canceled first).</summary>
    internal LedgerOutcome<bool> DeleteSystem(int systemId, Caller caller)
    {
        if (Catalog.FindSystem(systemId) is not { } system) return AdminOutcome.NotFound<bool>(SystemNotFound);
        var accountIds = Catalog.AccountsOf(system).Select(a => a.ManagedAccountId).ToList();
        CancelRequestsOf(accountIds, caller, $"managed system {systemId} deleted");
        lock (_gate)
        {
            if (Catalog.FindSystem(systemId) is null) return AdminOutcome.NotFound<bool>(SystemNotFound);
            RemoveSystemsAndAccounts(new HashSet<int> { systemId }, new HashSet<int>());
            AddAudit(AuditKinds.ManagedSystemDeleted, caller, $"managed system {systemId} '{system.SystemName}' deleted with {accountIds.Count} account(s)");
            return LedgerOutcome<bool>.Ok(true);
        }
    }

    // ---- managed accounts (§2.2) -------------------------------------------------------------------

    internal LedgerOutcome<ManagedAccount> CreateAccount(int systemId, IReadOnlyDictionary<string, object?> values, Caller caller)
    {
        lock (_gate)
        {
            if (Catalog.FindSystem(systemId) is not { } system) return AdminOutcome.NotFound<ManagedAccount>(SystemNotFound);
            if (values.GetValueOrDefault("AccountName") is not string { Length: > 0 } rawName || rawName.Trim().Length == 0)
                return AdminOutcome.Invalid<ManagedAccount>("AccountName is required (up to 245 characters).");
            var name = rawName.Trim();
            if (AccountNamed(system, name, null) is not null)
                return AdminOutcome.Invalid<ManagedAccount>($"Managed System/Account already exists: {systemId}/{name}");
            var password = values.GetValueOrDefault("Password") as string;
            var privateKey = values.GetValueOrDefault("PrivateKey") as string;
            var passphrase = values.GetValueOrDefault("Passphrase") as string;
            var autoManaged = values.GetValueOrDefault("AutoManagementFlag") as bool? ?? false;
            if (string.IsNullOrEmpty(password) && !autoManaged)
                return AdminOutcome.Invalid<ManagedAccount>("Password is required unless AutoManagementFlag is true (the server then sets one).");
            if (passphrase is not null && privateKey is null)
                return AdminOutcome.Invalid<ManagedAccount>("Passphrase protects a PrivateKey: send the PrivateKey too, or leave Passphrase out.");
            var max = values.GetValueOrDefault("MaxReleaseDuration") as int? ?? system.MaxReleaseDuration;
            var release = values.GetValueOrDefault("ReleaseDuration") as int? ?? Math.Min(system.ReleaseDuration, max);
            if (AccountProblem(values, release, max) is { } problem) return AdminOutcome.Invalid<ManagedAccount>(problem);
            if (WorkgroupProblem(values) is { } badWorkgroup) return AdminOutcome.Invalid<ManagedAccount>(badWorkgroup);
            var domain = values.GetValueOrDefault("DomainName") as string;
            var upn = values.GetValueOrDefault("UserPrincipalName") as string;
            var type = !string.IsNullOrEmpty(domain) || !string.IsNullOrEmpty(upn) ? ManagedAccountType.DomainLinked
                : !string.IsNullOrEmpty(system.InstanceName) ? ManagedAccountType.Database : ManagedAccountType.System;
            var account = new ManagedAccount(NextId("account", Catalog.Accounts.Select(a => a.ManagedAccountId)), system, name, type)
            {
                DomainName = string.IsNullOrEmpty(domain) ? null : domain,
                UserPrincipalName = string.IsNullOrEmpty(upn) ? null : upn,
                InstanceName = type == ManagedAccountType.Database ? system.InstanceName : null,
                Description = values.GetValueOrDefault("Description") as string,
                // "Enable for API access" is off unless asked for, as in the console.
                ApiEnabled = values.GetValueOrDefault("ApiEnabled") as bool? ?? false,
                ReleaseDuration = release,
                MaxReleaseDuration = max,
                ISAReleaseDuration = values.GetValueOrDefault("ISAReleaseDuration") as int? ?? system.ISAReleaseDuration,
                MaxConcurrentRequests = values.GetValueOrDefault("MaxConcurrentRequests") as int? ?? 0,
                Password = ProtectedSecret.Protect(string.IsNullOrEmpty(password) ? SecretGenerator.NewAccountPassword() : password),
                PrivateKey = privateKey is null ? null : ProtectedSecret.Protect(privateKey),
                Passphrase = passphrase is null ? null : ProtectedSecret.Protect(passphrase),
                Settings = Settled(values, AccountTypedFields),
            };
            Rebuild(null, null, Catalog.Accounts.Append(account).ToList(), null);
            AddAudit(AuditKinds.ManagedAccountCreated, caller, $"managed account {account.ManagedAccountId} '{account}' created" +
                (account.ApiEnabled ? " (API-enabled)" : string.Empty));
            return LedgerOutcome<ManagedAccount>.Ok(account, 201);
        }
    }

    internal LedgerOutcome<ManagedAccount> UpdateAccount(int accountId, IReadOnlyDictionary<string, object?> values, Caller caller)
    {
        lock (_gate)
        {
            RunDueChanges();
            if (FindManagedAccount(accountId) is not { } account) return AdminOutcome.NotFound<ManagedAccount>(AccountNotFound);
            var newName = values.GetValueOrDefault("AccountName") as string is { Length: > 0 } given ? given.Trim() : null;
            if (newName is not null && AccountNamed(account.System, newName, accountId) is not null)
                return AdminOutcome.Invalid<ManagedAccount>($"Managed System/Account already exists: {account.System.ManagedSystemId}/{newName}");
            var max = values.GetValueOrDefault("MaxReleaseDuration") as int? ?? account.MaxReleaseDuration;
            var release = values.GetValueOrDefault("ReleaseDuration") as int? ?? account.ReleaseDuration;
            var merged = new Dictionary<string, object?>(account.Settings, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in values) merged[name] = value;
            if (AccountProblem(merged, release, max) is { } problem) return AdminOutcome.Invalid<ManagedAccount>(problem);
            if (WorkgroupProblem(values) is { } badWorkgroup) return AdminOutcome.Invalid<ManagedAccount>(badWorkgroup);
            if (newName is not null) account.AccountName = newName;
            if (values.ContainsKey("DomainName")) account.DomainName = values["DomainName"] as string is { Length: > 0 } d ? d : null;
            if (values.ContainsKey("UserPrincipalName")) account.UserPrincipalName = values["UserPrincipalName"] as string is { Length: > 0 } u ? u : null;
            account.Description = values.GetValueOrDefault("Description") as string ?? account.Description;
            account.ApiEnabled = values.GetValueOrDefault("ApiEnabled") as bool? ?? account.ApiEnabled;
            account.ReleaseDuration = release;
            account.MaxReleaseDuration = max;
            account.ISAReleaseDuration = values.GetValueOrDefault("ISAReleaseDuration") as int? ?? account.ISAReleaseDuration;
            account.MaxConcurrentRequests = values.GetValueOrDefault("MaxConcurrentRequests") as int? ?? account.MaxConcurrentRequests;
            account.Settings = Settled(merged, AccountTypedFields);
            // Names and ApiEnabled decide what checkout lists: rebuild so lookups and views see the change.
            Rebuild(null, null, null, null);
            AddAudit(AuditKinds.ManagedAccountUpdated, caller, $"managed account {accountId} '{account}' updated");
            return LedgerOutcome<ManagedAccount>.Ok(account);
        }
    }

    internal LedgerOutcome<bool> DeleteAccount(int accountId, Caller caller)
    {
        if (FindManagedAccount(accountId) is not { } account) return AdminOutcome.NotFound<bool>(AccountNotFound);
        CancelRequestsOf([accountId], caller, $"managed account {accountId} deleted");
        lock (_gate)
        {
            if (FindManagedAccount(accountId) is null) return AdminOutcome.NotFound<bool>(AccountNotFound);
            RemoveSystemsAndAccounts(new HashSet<int>(), new HashSet<int> { accountId });
            AddAudit(AuditKinds.ManagedAccountDeleted, caller, $"managed account {accountId} '{account}' deleted");
            return LedgerOutcome<bool>.Ok(true);
        }
    }

    /// <summary>The provisioning view of an account (GET ManagedAccounts/{id}); queued changes that are due run first.</summary>
    internal ManagedAccount? ProvisionedAccount(int accountId)
    {
        lock (_gate)
        {
            RunDueChanges();
            return FindManagedAccount(accountId);
        }
    }

    // ---- quick rules (§6.4) ------------------------------------------------------------------------

    internal LedgerOutcome<SmartRule> CreateQuickRule(IReadOnlyList<int> accountIds, string title, string? category, string? description, Caller caller)
    {
        lock (_gate)
        {
            if (accountIds.FirstOrDefault(id => Catalog.FindAccount(id) is null) is var missing and > 0)
                return AdminOutcome.Invalid<SmartRule>($"AccountIDs lists {missing}, which is not a managed account.");
            if (Catalog.SmartRules.Any(r => string.Equals(r.Title, title, StringComparison.OrdinalIgnoreCase)))
                return AdminOutcome.Invalid<SmartRule>($"A smart rule titled '{title}' already exists: Title must be unique.");
            var rule = new SmartRule(NextId("smartrule", Catalog.SmartRules.Select(r => r.SmartRuleId)), title, accountIds.Distinct().ToArray())
            {
                Category = string.IsNullOrWhiteSpace(category) ? "Quick Rules" : category.Trim(),
                Description = description,
                RuleType = SmartRule.QuickRuleType,
                LastProcessedDate = _clock.GetUtcNow(),
            };
            Rebuild(null, null, null, Catalog.SmartRules.Append(rule).ToList());
            AddAudit(AuditKinds.QuickRuleCreated, caller, $"quick rule {rule.SmartRuleId} '{title}' created with {rule.AccountIds.Count} account(s)");
            return LedgerOutcome<SmartRule>.Ok(rule, 201);
        }
    }

    // ---- credentials (§4.2) ------------------------------------------------------------------------

    /// <summary>
    /// Sets the stored credential (a generated password when none is sent). UpdateSystem=false leaves the system's
    /// password as it was, so Credentials/Test then fails until the two agree again.
    /// </summary>
    internal LedgerOutcome<bool> SetCredentials(int accountId, CredentialInput input, Caller caller)
    {
        lock (_gate)
        {
            RunDueChanges();
            if (FindManagedAccount(accountId) is not { } account) return AdminOutcome.NotFound<bool>(AccountNotFound);
            if (input.PrivateKey is not null && input.UpdateSystem && string.IsNullOrEmpty(input.PublicKey))
                return AdminOutcome.Invalid<bool>("PublicKey is required with a PrivateKey when UpdateSystem is true (the system needs the public half).");
            if (input.Passphrase is not null && input.PrivateKey is null && account.PrivateKey is null)
                return AdminOutcome.Invalid<bool>("Passphrase protects a PrivateKey: send the PrivateKey too.");
            var generated = input.Password is null && input.PrivateKey is null;
            if (input.Password is not null || generated)
            {
                var previous = account.RevealPassword();
                if (!input.UpdateSystem && account.SystemPassword is null && previous is not null)
                    account.SystemPassword = ProtectedSecret.Protect(previous);
                account.Password = ProtectedSecret.Protect(input.Password ?? SecretGenerator.NewAccountPassword());
                if (input.UpdateSystem) account.SystemPassword = null;
            }
            if (input.PrivateKey is not null) account.PrivateKey = ProtectedSecret.Protect(input.PrivateKey);
            if (input.Passphrase is not null) account.Passphrase = ProtectedSecret.Protect(input.Passphrase);
            account.LastChangeDate = _clock.GetUtcNow();
            var what = generated ? "a generated password" : string.Join(" and ", new[]
            {
                input.Password is null ? null : "a password", input.PrivateKey is null ? null : "a DSS key", input.Passphrase is null ? null : "a passphrase",
            }.OfType<string>());
            AddAudit(AuditKinds.CredentialsSet, caller, $"credentials of managed account {accountId} '{account}' set to {what}; " +
                (input.UpdateSystem ? "system updated" : "system not updated"));
            return LedgerOutcome<bool>.Ok(true, 204);
        }
    }

    /// <summary>Rotates now (a new password on the store and the system), or queues it to run <see cref="QueuedChangeDelay"/> later.</summary>
    internal LedgerOutcome<bool> ChangePassword(int accountId, bool queue, Caller caller)
    {
        lock (_gate)
        {
            RunDueChanges();
            if (FindManagedAccount(accountId) is not { } account) return AdminOutcome.NotFound<bool>(AccountNotFound);
            if (queue)
            {
                account.QueuedChangeAt = _clock.GetUtcNow() + QueuedChangeDelay;
                account.QueuedChangeBy = caller.User.SignInName;
                _queuedChanges.Add(accountId);
                AddAudit(AuditKinds.PasswordChangeQueued, caller, $"password change of managed account {accountId} '{account}' queued");
            }
            else
            {
                Rotate(account, caller.User.SignInName, caller);
            }
            return LedgerOutcome<bool>.Ok(true, 204);
        }
    }

    /// <summary>
    /// POST ManagedSystems/{id}/ManagedAccounts/Credentials/Change (§4.2): every account of the system changes now, or
    /// is queued, as the per-account call does each one (204 also for a system without accounts).
    /// </summary>
    internal LedgerOutcome<bool> ChangeSystemPasswords(int systemId, bool queue, Caller caller)
    {
        lock (_gate)
        {
            RunDueChanges();
            if (Catalog.FindSystem(systemId) is not { } system) return AdminOutcome.NotFound<bool>(SystemNotFound);
            var accounts = Catalog.AccountsOf(system).ToList();
            foreach (var account in accounts)
            {
                if (queue)
                {
                    account.QueuedChangeAt = _clock.GetUtcNow() + QueuedChangeDelay;
                    account.QueuedChangeBy = caller.User.SignInName;
                    _queuedChanges.Add(account.ManagedAccountId);
                }
                else
                {
                    Rotate(account, caller.User.SignInName, caller);
                }
            }
            if (queue)
                AddAudit(AuditKinds.PasswordChangeQueued, caller, $"password change of the {accounts.Count} account(s) of managed system {systemId} '{system.SystemName}' queued");
            return LedgerOutcome<bool>.Ok(true, 204);
        }
    }

    /// <summary>
    /// PUT Credentials?workgroupName=&amp;assetName=&amp;accountName= (§4.2): the account named on the managed system of
    /// the named asset in the named workgroup, all compared ignoring case. A system made without an asset (seeded
    /// systems, POST Workgroups/{id}/ManagedSystems) answers to its own name as the asset name [I]. The account name is
    /// its name, or DOMAIN\name / UPN for a directory account (§2.1). Null and the 404 reason when nothing matches.
    /// </summary>
    internal ManagedAccount? FindAccountByNames(string workgroupName, string assetName, string accountName, out string? notFound)
    {
        lock (_gate)
        {
            notFound = null;
            if (FindWorkgroup(workgroupName) is not { } workgroup)
            {
                notFound = "Workgroup not found";
                return null;
            }
            var systems = Catalog.Systems.Where(s => s.Workgroup.Id == workgroup.Id && string.Equals(
                s.AssetId is int assetId && _assets.TryGetValue(assetId, out var asset) ? asset.AssetName : s.SystemName,
                assetName.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (systems.Count == 0)
            {
                notFound = AssetNotFound;
                return null;
            }
            var name = accountName.Trim();
            var account = systems.SelectMany(s => Catalog.AccountsOf(s)).FirstOrDefault(a =>
                string.Equals(a.AccountName, name, StringComparison.OrdinalIgnoreCase) || AccountFilter.NameMatches(a, name));
            if (account is null) notFound = AccountNotFound;
            return account;
        }
    }

    internal LedgerOutcome<bool> TestCredentials(int accountId, Caller caller)
    {
        lock (_gate)
        {
            RunDueChanges();
            if (FindManagedAccount(accountId) is not { } account) return AdminOutcome.NotFound<bool>(AccountNotFound);
            var success = InSync(account);
            AddAudit(AuditKinds.CredentialsTested, caller, $"credentials of managed account {accountId} '{account}' tested: {(success ? "they work" : "the system rejected them")}");
            return LedgerOutcome<bool>.Ok(success);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static readonly string[] AccountTypedFields =
    [
        "AccountName", "DomainName", "UserPrincipalName", "Description", "ApiEnabled", "ReleaseDuration", "MaxReleaseDuration",
        "ISAReleaseDuration", "MaxConcurrentRequests", "Password", "PrivateKey", "Passphrase",
    ];

    private LedgerOutcome<ManagedSystem> CreateSystem(Workgroup workgroup, string systemName, int? assetId,
        IReadOnlyDictionary<string, object?> values, IReadOnlyDictionary<string, object?> hostValues, Caller caller)
    {
        if (values.GetValueOrDefault("PlatformID") is not int platformId) return AdminOutcome.Invalid<ManagedSystem>("PlatformID is required (1 = Windows, 2 = Linux…, see GET Platforms).");
        if (Platform.Problem(values) is { } unknownPlatform) return AdminOutcome.Invalid<ManagedSystem>(unknownPlatform);
        if (ApplicationHostProblem(values, null) is { } badHost) return AdminOutcome.Invalid<ManagedSystem>(badHost);
        var release = values.GetValueOrDefault("ReleaseDuration") as int? ?? 120;
        var max = values.GetValueOrDefault("MaxReleaseDuration") as int? ?? CheckoutCodes.MaxDurationMinutes;
        if (SystemProblem(values, release, max) is { } problem) return AdminOutcome.Invalid<ManagedSystem>(problem);
        var settings = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in hostValues) settings[name] = value;
        foreach (var (name, value) in values) settings[name] = value;
        var system = new ManagedSystem(NextId("system", Catalog.Systems.Select(s => s.ManagedSystemId)), systemName, workgroup)
        {
            AssetId = assetId,
            PlatformId = platformId,
            IPAddress = hostValues.GetValueOrDefault("IPAddress") as string,
            HostName = hostValues.GetValueOrDefault("HostName") as string ?? systemName,
            DnsName = hostValues.GetValueOrDefault("DnsName") as string,
            InstanceName = hostValues.GetValueOrDefault("InstanceName") as string,
            Description = values.GetValueOrDefault("Description") as string,
            ReleaseDuration = release,
            MaxReleaseDuration = max,
            ISAReleaseDuration = values.GetValueOrDefault("ISAReleaseDuration") as int? ?? 120,
            Settings = Settled(settings, ["PlatformID", "Description", "ReleaseDuration", "MaxReleaseDuration", "ISAReleaseDuration",
                "HostName", "IPAddress", "DnsName", "InstanceName"]),
        };
        Rebuild(null, Catalog.Systems.Append(system).ToList(), null, null);
        AddAudit(AuditKinds.ManagedSystemCreated, caller, $"managed system {system.ManagedSystemId} '{systemName}' created" +
            (assetId is null ? $" in workgroup '{workgroup.Name}'" : $" on asset {assetId}"));
        return LedgerOutcome<ManagedSystem>.Ok(system, 201);
    }

    /// <summary>§6.3 cross-field rules: release ≤ max; xdays needs ChangeFrequencyDays; auto-management needs a functional account.</summary>
    private static string? SystemProblem(IReadOnlyDictionary<string, object?> values, int release, int max)
    {
        if (release > max) return $"ReleaseDuration ({release}) must not exceed MaxReleaseDuration ({max}).";
        if (values.GetValueOrDefault("AutoManagementFlag") is true && values.GetValueOrDefault("FunctionalAccountID") is not (int and > 0))
            return "FunctionalAccountID is required when AutoManagementFlag is true (the account that changes passwords).";
        if (values.GetValueOrDefault("ChangeFrequencyType") is "xdays" && values.GetValueOrDefault("ChangeFrequencyDays") is not int)
            return "ChangeFrequencyDays is required when ChangeFrequencyType is xdays.";
        return null;
    }

    /// <summary>
    /// D1: an ApplicationHostID sent (3.2+) must name another managed system that is an application host
    /// (IsApplicationHost) [I: the reference does not say what it may name; an application host is what it is for].
    /// Only ids sent now are checked. Password and DSS key rules, functional accounts, entity types and Oracle Internet
    /// Directories are not emulated, so ids naming them are kept as given.
    /// </summary>
    private string? ApplicationHostProblem(IReadOnlyDictionary<string, object?> values, int? systemId)
    {
        if (values.GetValueOrDefault("ApplicationHostID") is not int hostId) return null;
        if (hostId == systemId) return $"ApplicationHostID {hostId} is this managed system: name another system, one that is an application host.";
        if (Catalog.FindSystem(hostId) is not { } host) return $"ApplicationHostID {hostId} is not a managed system (GET ManagedSystems lists them).";
        return host.Settings.GetValueOrDefault("IsApplicationHost") is true
            ? null
            : $"ApplicationHostID {hostId} ('{host.SystemName}') is not an application host: set IsApplicationHost on it first (?version=3.2 or later).";
    }

    /// <summary>D1: a WorkgroupID sent (managed accounts, 3.3+) must name a workgroup.</summary>
    private string? WorkgroupProblem(IReadOnlyDictionary<string, object?> values) =>
        values.GetValueOrDefault("WorkgroupID") is int id && FindWorkgroup(id) is null
            ? $"WorkgroupID {id} is not a workgroup (GET Workgroups lists them)."
            : null;

    private static string? AccountProblem(IReadOnlyDictionary<string, object?> values, int release, int max)
    {
        if (release > max) return $"ReleaseDuration ({release}) must not exceed MaxReleaseDuration ({max}).";
        if (values.GetValueOrDefault("ChangeFrequencyType") is "xdays" && values.GetValueOrDefault("ChangeFrequencyDays") is not int)
            return "ChangeFrequencyDays is required when ChangeFrequencyType is xdays.";
        return null;
    }

    /// <summary>The values kept in Settings: everything except what has a typed property (and never a secret).</summary>
    private static Dictionary<string, object?> Settled(IReadOnlyDictionary<string, object?> values, string[] typed) =>
        values.Where(v => !typed.Contains(v.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);

    private static void Apply(Asset asset, IReadOnlyDictionary<string, object?> values)
    {
        if (values.TryGetValue("AssetType", out var type)) asset.AssetType = type as string;
        if (values.TryGetValue("DnsName", out var dns)) asset.DnsName = dns as string;
        if (values.TryGetValue("DomainName", out var domain)) asset.DomainName = domain as string;
        if (values.TryGetValue("MacAddress", out var mac)) asset.MacAddress = mac as string;
        if (values.TryGetValue("OperatingSystem", out var os)) asset.OperatingSystem = os as string;
        if (values.TryGetValue("Description", out var description)) asset.Description = description as string;
    }

    private Asset? AssetNamed(int workgroupId, string name, int? exceptId) => _assets.Values.FirstOrDefault(a =>
        a.WorkgroupId == workgroupId && a.AssetId != exceptId && string.Equals(a.AssetName, name, StringComparison.OrdinalIgnoreCase));

    private ManagedAccount? AccountNamed(ManagedSystem system, string name, int? exceptId) =>
        Catalog.AccountsOf(system).FirstOrDefault(a => a.ManagedAccountId != exceptId && string.Equals(a.AccountName, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Outside the state lock: the ledger calls back into the state while holding its own lock.</summary>
    private void CancelRequestsOf(IReadOnlyCollection<int> accountIds, Caller caller, string why)
    {
        if (accountIds.Count > 0) Ledger.CancelOpenRequests(accountIds, caller, $"canceled: {why}");
    }

    private void RemoveSystemsAndAccounts(IReadOnlySet<int> systemIds, IReadOnlySet<int> accountIds)
    {
        var catalog = Catalog;
        var removed = catalog.Accounts.Where(a => systemIds.Contains(a.System.ManagedSystemId) || accountIds.Contains(a.ManagedAccountId)).ToList();
        var removedIds = removed.Select(a => a.ManagedAccountId).ToHashSet();
        foreach (var rule in catalog.SmartRules.Where(r => r.AccountIds.Any(removedIds.Contains)))
            rule.AccountIds = rule.AccountIds.Where(id => !removedIds.Contains(id)).ToArray();
        foreach (var system in systemIds) RememberId("system", system);
        foreach (var account in removed)
        {
            RememberId("account", account.ManagedAccountId);
            account.Deleted = true;
            _queuedChanges.Remove(account.ManagedAccountId);
        }
        // Old requests still hold the deleted accounts: the new catalog has no position for them, so no role either.
        Rebuild(null, catalog.Systems.Where(s => !systemIds.Contains(s.ManagedSystemId)).ToList(),
            catalog.Accounts.Where(a => !removedIds.Contains(a.ManagedAccountId)).ToList(), null);
    }

    /// <summary>Swaps in a catalog rebuilt from the current one with the given parts replaced; views start empty.</summary>
    private void Rebuild(List<Workgroup>? workgroups, List<ManagedSystem>? systems, List<ManagedAccount>? accounts, List<SmartRule>? rules)
    {
        var catalog = Catalog;
        _catalog = catalog.Rebuild(workgroups ?? catalog.Workgroups.ToList(), systems ?? catalog.Systems.ToList(),
            accounts ?? catalog.Accounts.ToList(), rules ?? catalog.SmartRules.ToList());
    }

    /// <summary>A deleted id still counts as used, so the next one is higher.</summary>
    private void RememberId(string kind, int id) => _highWater[kind] = Math.Max(_highWater.GetValueOrDefault(kind), id);

    /// <summary>
    /// The id the next object of the kind gets: above every live id and every deleted one (<see cref="RememberId"/>).
    /// Nothing is taken until the object is added, so a create refused after this call uses up no id.
    /// </summary>
    private int NextId(string kind, IEnumerable<int> existing) =>
        Math.Max(existing.DefaultIfEmpty(0).Max(), _highWater.GetValueOrDefault(kind)) + 1;

    private static bool InSync(ManagedAccount account) =>
        account.SystemPassword is null || account.SystemPassword.Matches(account.RevealPassword());

    private void Rotate(ManagedAccount account, string? by, Caller? caller)
    {
        account.Password = ProtectedSecret.Protect(SecretGenerator.NewAccountPassword());
        account.SystemPassword = null;
        account.QueuedChangeAt = null;
        _queuedChanges.Remove(account.ManagedAccountId);
        account.PasswordChangeCount++;
        account.LastChangeDate = _clock.GetUtcNow();
        // A queued change runs on its own: the entry is the queuing user's, made by the system.
        var queuedBy = caller is null ? account.QueuedChangeBy : null;
        account.QueuedChangeBy = null;
        AddAudit(AuditKinds.PasswordRotated, caller?.User.SignInName ?? by ?? queuedBy, caller?.RegistrationId, caller?.SourceAddress,
            $"password of {account} changed" + (caller is null ? " (queued change)" : string.Empty), caller is null ? AuditEntry.SystemActor : null);
    }

    /// <summary>Queued changes run lazily once the emulator clock passes their time, like request expiry.</summary>
    private void RunDueChanges()
    {
        if (_queuedChanges.Count == 0) return;
        var now = _clock.GetUtcNow();
        foreach (var id in _queuedChanges.ToList())
        {
            if (Catalog.FindAccount(id) is { QueuedChangeAt: { } due } account && due <= now) Rotate(account, null, null);
        }
    }
}
