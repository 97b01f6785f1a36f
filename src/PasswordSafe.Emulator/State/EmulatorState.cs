using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace PasswordSafe.Emulator;

/// <summary>
/// Everything the emulator knows, behind one lock. Lookups are dictionaries keyed by id so the model can grow
/// to 100,000+ managed accounts (later issues) without scanning. Entities are read freely; they change only here.
/// Administration (users, groups, registrations) and provisioning (E5) live in the other parts of this class.
/// </summary>
public sealed partial class EmulatorState
{
    private const int SessionPruneThreshold = 1024;

    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private readonly Dictionary<int, ApiRegistration> _registrations = new();
    private readonly Dictionary<int, EmulatorUser> _users = new();
    private readonly Dictionary<int, UserGroup> _groups = new();
    private readonly Dictionary<string, ApiSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccessToken> _tokens = new(StringComparer.Ordinal);
    private readonly List<AuditEntry> _audit = new();
    private readonly List<AdminNotification> _notifications = new();
    private readonly HashSet<int> _generatedKeyRegistrationIds = new();
    private readonly HashSet<int> _generatedSecretUserIds = new();
    private volatile EmulatorSettings _settings = new();
    private volatile AccountCatalog? _catalog;
    private RequestLedger? _ledger;
    private IReadOnlyList<ManagedAccountAlias> _aliases = Array.Empty<ManagedAccountAlias>();

    internal EmulatorState(TimeProvider clock) => _clock = clock;

    /// <summary>Managed systems and accounts, smart rules, policies, per-user views (E1–E4).</summary>
    internal AccountCatalog Catalog => _catalog ?? throw new InvalidOperationException("The checkout catalog is not attached yet.");

    /// <summary>Release requests and their state machine (E1–E4).</summary>
    internal RequestLedger Ledger => _ledger ?? throw new InvalidOperationException("The request ledger is not attached yet.");

    /// <summary>
    /// Test hook: runs on the caller's thread after a checkout call took its catalog snapshot (<see cref="CheckoutView"/>)
    /// and before it reads through it, so a test can swap in a rebuilt catalog at exactly that moment. Always null
    /// outside tests.
    /// </summary>
    internal Action? AfterCatalogSnapshotForTests { get; set; }

    /// <summary>
    /// The user's view of the current catalog: the one snapshot a checkout call reads for its whole length. Its
    /// accounts, positions, roles and policies all come from that catalog, whatever provisioning swaps in meanwhile.
    /// </summary>
    internal AccountView CheckoutView(int userId)
    {
        var view = Catalog.ViewFor(userId);
        AfterCatalogSnapshotForTests?.Invoke();
        return view;
    }

    internal void AttachCheckout(AccountCatalog catalog)
    {
        _catalog = catalog;
        _ledger = new RequestLedger(catalog, this);
    }

    /// <summary>The seed's aliases; immutable once attached, so readers need no lock.</summary>
    internal void AttachAliases(IReadOnlyList<ManagedAccountAlias> aliases) => _aliases = aliases;

    /// <summary>Requestable managed account aliases, by id.</summary>
    public IReadOnlyList<ManagedAccountAlias> Aliases => _aliases;

    public ManagedAccountAlias? FindAlias(int aliasId) => _aliases.FirstOrDefault(a => a.AliasId == aliasId);

    // ---- checkout facts for tests and the control endpoints (E1–E4) -----------------------------

    public int ManagedAccountCount => Catalog.Count;
    public ManagedAccount? FindManagedAccount(int accountId) => Catalog.FindAccount(accountId);
    /// <summary>By system name and account name (DOMAIN\name or UPN for domain-linked accounts, §2.1).</summary>
    public ManagedAccount? FindManagedAccount(string systemName, string accountName) => Catalog.FindAccount(systemName, accountName);
    public IReadOnlyList<ManagedSystem> ManagedSystems => Catalog.Systems.ToList();
    public IReadOnlyList<SmartRule> SmartRules => Catalog.SmartRules.ToList();
    public IReadOnlyList<AccessPolicy> AccessPolicies => Catalog.AccessPolicies.ToList();
    public IReadOnlyList<Workgroup> Workgroups => Catalog.Workgroups;
    /// <summary>Every request ever made, oldest first, with its current status (expiry applied).</summary>
    public IReadOnlyList<ReleaseRequest> ReleaseRequests => Ledger.All();
    public ReleaseRequest? FindRequest(int requestId) => Ledger.Find(requestId);
    /// <summary>Every request set ever made (POST RequestSets), oldest first.</summary>
    public IReadOnlyList<RequestSet> RequestSets => Ledger.AllSets();
    public RequestSet? FindRequestSet(int requestSetId) => Ledger.FindSet(requestSetId);
    public int ActiveRequestCount => Ledger.ActiveCount;
    /// <summary>Times the account's password was rotated (RotateOnCheckin at check-in or expiry).</summary>
    public int PasswordChangeCount(int accountId) => Catalog.FindAccount(accountId)?.PasswordChangeCount
        ?? throw new KeyNotFoundException($"Managed account {accountId} does not exist.");
    public IReadOnlyList<AccessSessionRecord> AccessSessions => Ledger.Sessions;

    /// <summary>The stored password (tests compare it with what a client received); never logged or audited.</summary>
    internal string? RevealAccountPassword(int accountId) => Catalog.FindAccount(accountId)?.RevealPassword();

    /// <summary>Builds a state from a seed; throws <see cref="SeedException"/> naming the first problem.</summary>
    public static EmulatorState FromSeed(EmulatorSeed seed, TimeProvider? clock = null) =>
        StateBuilder.Build(seed, clock ?? TimeProvider.System);

    public TimeProvider Clock => _clock;

    /// <summary>Current settings; assign a changed copy (<c>State.Settings = State.Settings with { … }</c>).</summary>
    public EmulatorSettings Settings
    {
        get => _settings;
        set => _settings = value ?? throw new ArgumentNullException(nameof(value));
    }

    public IReadOnlyList<EmulatorUser> Users { get { lock (_gate) return _users.Values.OrderBy(u => u.UserId).ToList(); } }
    public IReadOnlyList<UserGroup> UserGroups { get { lock (_gate) return _groups.Values.OrderBy(g => g.GroupId).ToList(); } }
    public IReadOnlyList<ApiRegistration> ApiRegistrations { get { lock (_gate) return _registrations.Values.OrderBy(r => r.Id).ToList(); } }
    public IReadOnlyList<AuditEntry> Audit { get { lock (_gate) return _audit.ToList(); } }
    public IReadOnlyList<AdminNotification> AdminNotifications { get { lock (_gate) return _notifications.ToList(); } }

    /// <summary>Every API call answered (method, path, query, status), for tests and the /emulator/calls endpoint.</summary>
    public ApiCallLog ApiCalls { get; } = new();

    /// <summary>Calls answered with a scripted refusal instead of being handled (control rules, not API behaviour).</summary>
    public CallRefusalList CallRefusals { get; } = new();

    /// <summary>Calls carried out at once whose answers are held back (control rules; see <see cref="LateAnswer"/>).</summary>
    public LateAnswerList LateAnswers { get; } = new();

    public EmulatorUser? FindUser(int userId) { lock (_gate) return _users.GetValueOrDefault(userId); }
    public UserGroup? FindUserGroup(int groupId) { lock (_gate) return _groups.GetValueOrDefault(groupId); }
    public ApiRegistration? FindApiRegistration(int id) { lock (_gate) return _registrations.GetValueOrDefault(id); }

    /// <summary>Signed-in sessions that are still alive (pending challenges excluded).</summary>
    public int ActiveSessionCount
    {
        get
        {
            lock (_gate)
            {
                PruneDeadSessions(_clock.GetUtcNow());
                return _sessions.Values.Count(s => !s.PendingChallenge);
            }
        }
    }

    public IReadOnlyList<UserGroup> GroupsOf(int userId)
    {
        lock (_gate) return _groups.Values.Where(g => g.MemberIds.Contains(userId)).OrderBy(g => g.GroupId).ToList();
    }

    public IReadOnlyList<EmulatorUser> MembersOf(int groupId)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(groupId, out var group)) return [];
            return group.MemberIds.Select(id => _users.GetValueOrDefault(id)).OfType<EmulatorUser>().OrderBy(u => u.UserId).ToList();
        }
    }

    /// <summary>
    /// A user may use a feature: an active Administrator group grants every permission; otherwise an active group
    /// must hold it, at Read/Write for changes.
    /// </summary>
    public bool HasPermission(int userId, int permissionId, bool write)
    {
        lock (_gate)
        {
            return _groups.Values.Any(g => g.IsActive && g.MemberIds.Contains(userId)
                && (g.Administrator || g.Permissions.Any(p => p.PermissionID == permissionId && p.Allows(write))));
        }
    }

    /// <summary>Member of an active group flagged Administrator.</summary>
    public bool IsAdministrator(int userId)
    {
        lock (_gate) return _groups.Values.Any(g => g.IsActive && g.Administrator && g.MemberIds.Contains(userId));
    }

    /// <summary>A6: shows a registration's key and records who read it.</summary>
    public string ReadApiKey(int registrationId, string actor)
    {
        lock (_gate)
        {
            var registration = KeyRegistration(registrationId);
            AddAudit(AuditKinds.ApiKeyRead, actor, registrationId, null, "API key read");
            return registration.Key!.Reveal();
        }
    }

    /// <summary>A6: replaces the key; the old key and every session begun with it get 401 from now on. Audited.</summary>
    public string RotateApiKey(int registrationId, string actor)
    {
        lock (_gate)
        {
            var registration = KeyRegistration(registrationId);
            var key = SecretGenerator.NewApiKey();
            registration.Key = ProtectedSecret.Protect(key);
            registration.KeyGeneration++;
            _generatedKeyRegistrationIds.Remove(registrationId);
            AddAudit(AuditKinds.ApiKeyRotated, actor, registrationId, null, "API key rotated; sessions begun with the old key ended");
            return key;
        }
    }

    /// <summary>C5/C6: a new client secret; the old one fails at once; the expiry uses the current setting.</summary>
    public string RecycleClientSecret(int userId, string actor)
    {
        lock (_gate)
        {
            if (!_users.TryGetValue(userId, out var user)) throw new KeyNotFoundException($"User {userId} does not exist.");
            if (user.UserType != UserType.Application)
                throw new InvalidOperationException($"User {userId} is not an application user, so it has no client secret.");
            var secret = SecretGenerator.NewClientSecret();
            user.ClientSecret = ProtectedSecret.Protect(secret);
            user.ClientSecretExpiryDate = _clock.GetUtcNow().AddDays(Settings.ClientSecretExpiryDays);
            AddAudit(AuditKinds.ClientSecretRecycled, actor, user.AccessPolicyId, null, $"client secret of '{user.UserName}' recycled");
            return secret;
        }
    }

    /// <summary>C7: ends a token and every session it began. False when the token is unknown.</summary>
    public bool RevokeToken(string token)
    {
        lock (_gate)
        {
            if (!_tokens.TryGetValue(HashToken(token), out var stored)) return false;
            stored.Revoked = true;
            foreach (var id in _sessions.Values.Where(s => s.AccessTokenHash == stored.Hash).Select(s => s.Id).ToList())
                _sessions.Remove(id);
            AddAudit(AuditKinds.TokenRevoked, _users.GetValueOrDefault(stored.ApplicationUserId)?.SignInName, stored.RegistrationId, null, "access token revoked");
            return true;
        }
    }

    /// <summary>
    /// Replaces a registration's IP and XFF rules. A4: a rule keeps its kind for life, so an id that was an IP rule
    /// cannot come back as an XFF rule (or the reverse); new rules need ids not used by the other list.
    /// </summary>
    public void ReplaceAuthenticationRules(int registrationId, IReadOnlyList<AddressRule> ipRules, IReadOnlyList<AddressRule> xffRules)
    {
        lock (_gate)
        {
            if (!_registrations.TryGetValue(registrationId, out var registration))
                throw new KeyNotFoundException($"API registration {registrationId} does not exist.");
            var oldIp = registration.IPAuthenticationRules.Select(r => r.Id).Where(id => id > 0).ToHashSet();
            var oldXff = registration.XForwardedForAuthenticationRules.Select(r => r.Id).Where(id => id > 0).ToHashSet();
            var switched = ipRules.Where(r => oldXff.Contains(r.Id)).Concat(xffRules.Where(r => oldIp.Contains(r.Id))).FirstOrDefault();
            if (switched is not null)
                throw new InvalidOperationException($"Rule {switched.Id} cannot change between IP and X-Forwarded-For (A4): delete it and add a new rule.");
            if (ipRules.Count == 0 && registration.PSRUNRules.Count == 0)
                throw new InvalidOperationException("A registration needs at least one IP rule or PSRUN rule (A3).");
            registration.IPAuthenticationRules = ipRules.ToArray();
            registration.XForwardedForAuthenticationRules = xffRules.ToArray();
        }
    }

    // ---- used by the builder -------------------------------------------------------------------

    internal void AddRegistration(ApiRegistration registration, bool keyGenerated)
    {
        lock (_gate)
        {
            if (!_registrations.TryAdd(registration.Id, registration))
                throw new SeedException($"API registration Id {registration.Id} appears twice: give each registration its own Id.");
            if (keyGenerated) _generatedKeyRegistrationIds.Add(registration.Id);
        }
    }

    internal void AddUser(EmulatorUser user, bool secretGenerated)
    {
        lock (_gate)
        {
            if (!_users.TryAdd(user.UserId, user))
                throw new SeedException($"UserID {user.UserId} appears twice: give each user its own UserID.");
            if (secretGenerated) _generatedSecretUserIds.Add(user.UserId);
        }
    }

    internal void AddUserGroup(UserGroup group)
    {
        lock (_gate)
        {
            if (!_groups.TryAdd(group.GroupId, group))
                throw new SeedException($"GroupID {group.GroupId} appears twice: give each group its own GroupID.");
        }
    }

    internal bool WasKeyGenerated(int registrationId) { lock (_gate) return _generatedKeyRegistrationIds.Contains(registrationId); }
    internal bool WasClientSecretGenerated(int userId) { lock (_gate) return _generatedSecretUserIds.Contains(userId); }
    internal string? RevealClientSecret(int userId) { lock (_gate) return _users.GetValueOrDefault(userId)?.ClientSecret?.Reveal(); }

    // ---- authentication support ----------------------------------------------------------------

    /// <summary>A5: every key is compared in constant time; inactive registrations never match.</summary>
    internal ApiRegistration? FindRegistrationByKey(string key)
    {
        lock (_gate)
        {
            ApiRegistration? found = null;
            foreach (var registration in _registrations.Values)
            {
                if (registration.Key is not null && registration.Key.Matches(key)) found = registration;
            }
            return found;
        }
    }

    internal EmulatorUser? FindUserByRunAs(string runAs)
    {
        lock (_gate) return _users.Values.FirstOrDefault(u => u.IsKnownAs(runAs));
    }

    internal EmulatorUser? FindApplicationUserByClientId(string clientId)
    {
        lock (_gate)
        {
            return _users.Values.FirstOrDefault(u => u.UserType == UserType.Application
                && string.Equals(u.ClientId, clientId, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>A7: some active group of the user lists the registration.</summary>
    internal bool CanUseRegistration(int userId, int registrationId)
    {
        lock (_gate)
        {
            return _groups.Values.Any(g => g.IsActive && g.MemberIds.Contains(userId) && g.ApplicationRegistrationIds.Contains(registrationId));
        }
    }

    /// <summary>C4: the two users are members of one active group.</summary>
    internal bool ShareAGroup(int firstUserId, int secondUserId)
    {
        lock (_gate)
        {
            return _groups.Values.Any(g => g.IsActive && g.MemberIds.Contains(firstUserId) && g.MemberIds.Contains(secondUserId));
        }
    }

    internal ApiSession StartSession(EmulatorUser user, ApiRegistration? registration, string? accessTokenHash,
        bool pendingChallenge, string authenticationType, string? sourceAddress)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_sessions.Count >= SessionPruneThreshold) PruneDeadSessions(now);
            var session = new ApiSession(SecretGenerator.NewSessionId(), user.UserId, registration?.Id,
                registration?.KeyGeneration ?? 0, accessTokenHash, pendingChallenge, now);
            _sessions[session.Id] = session;
            if (!pendingChallenge)
            {
                user.LastLoginDate = now;
                user.LastLoginAuthenticationType = authenticationType;
                AddAudit(AuditKinds.SignInSucceeded, user.SignInName, registration?.Id, sourceAddress, $"signed in ({authenticationType})");
            }
            return session;
        }
    }

    /// <summary>
    /// B2: a signed-in session that is still alive; touching it resets its idle timer. B6 holds for every call, not only
    /// the sign-in [I]: a call from an address the session's registration does not admit (IP rules or PSRUN addresses;
    /// X-Forwarded-For is checked at sign-in) is refused and audited, and the session lives on for its own address.
    /// </summary>
    internal ApiSession? UseSession(string? sessionId, System.Net.IPAddress? peer)
    {
        if (string.IsNullOrEmpty(sessionId)) return null;
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (!_sessions.TryGetValue(sessionId, out var session)) return null;
            if (session.PendingChallenge) return null;
            if (!IsAlive(session, now))
            {
                _sessions.Remove(sessionId);
                return null;
            }
            var registration = _registrations[session.RegistrationId!.Value];
            if (Authentication.SourceAddressCheck.PeerProblem(registration.IPAuthenticationRules, registration.PSRUNRules, peer) is { } problem)
            {
                var source = peer is null ? null : AddressRule.Normalize(peer).ToString();
                var entry = AddAudit(AuditKinds.SessionCallRefused, _users.GetValueOrDefault(session.UserId)?.SignInName, registration.Id, source,
                    $"a call with a session cookie was refused: {problem}");
                _notifications.Add(new AdminNotification(entry.Time, "Failed API authentication",
                    $"A call with the session cookie of '{entry.UserName}' from {source ?? "an unknown address"} was refused: {problem}"));
                return null;
            }
            session.LastActivityAt = now;
            return session;
        }
    }

    /// <summary>B4: removes and returns a live pending-challenge session; one answer per challenge, right or wrong.</summary>
    internal ApiSession? TakePendingChallenge(string? sessionId)
    {
        if (string.IsNullOrEmpty(sessionId)) return null;
        lock (_gate)
        {
            if (!_sessions.TryGetValue(sessionId, out var session) || !session.PendingChallenge) return null;
            _sessions.Remove(sessionId);
            return IsAlive(session, _clock.GetUtcNow()) ? session : null;
        }
    }

    internal bool EndSession(string? sessionId)
    {
        if (string.IsNullOrEmpty(sessionId)) return false;
        lock (_gate)
        {
            if (!_sessions.Remove(sessionId, out var session)) return false;
            if (!session.PendingChallenge)
                AddAudit(AuditKinds.SignedOut, _users.GetValueOrDefault(session.UserId)?.SignInName, session.RegistrationId, null, "signed out");
            return true;
        }
    }

    /// <summary>C3: a token living the registration's AccessTokenDuration minutes; only its hash is kept.</summary>
    internal (string Token, AccessToken Stored) IssueToken(EmulatorUser user, ApiRegistration registration, string? sourceAddress)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            foreach (var dead in _tokens.Values.Where(t => !t.IsValidAt(now)).Select(t => t.Hash).ToList()) _tokens.Remove(dead);
            var token = SecretGenerator.NewAccessToken();
            var stored = new AccessToken(HashToken(token), user.UserId, registration.Id, now, now.AddMinutes(registration.AccessTokenDuration));
            _tokens[stored.Hash] = stored;
            AddAudit(AuditKinds.TokenIssued, user.SignInName, registration.Id, sourceAddress, "access token issued");
            return (token, stored);
        }
    }

    internal AccessToken? FindValidToken(string token)
    {
        lock (_gate)
        {
            return _tokens.TryGetValue(HashToken(token), out var stored) && stored.IsValidAt(_clock.GetUtcNow()) ? stored : null;
        }
    }

    internal AccessToken? FindToken(string token)
    {
        lock (_gate) return _tokens.GetValueOrDefault(HashToken(token));
    }

    /// <summary>An audit entry; <paramref name="actor"/> is <see cref="AuditEntry.SystemActor"/> when the server acted on its own for <paramref name="userName"/>.</summary>
    internal void RecordAudit(string kind, string? userName, int? registrationId, string? sourceAddress, string reason, string? actor = null)
    {
        lock (_gate) AddAudit(kind, userName, registrationId, sourceAddress, reason, actor);
    }

    /// <summary>D2: a failed factor is audited with its reason and the administrator is notified.</summary>
    internal void RecordFailedFactor(string kind, string? userName, int? registrationId, string? sourceAddress, string reason)
    {
        lock (_gate)
        {
            var entry = AddAudit(kind, userName, registrationId, sourceAddress, reason);
            var who = string.IsNullOrEmpty(userName) ? "an unnamed user" : $"'{userName}'";
            _notifications.Add(new AdminNotification(entry.Time, "Failed API authentication",
                $"API authentication for {who} from {sourceAddress ?? "an unknown address"} failed: {reason}"));
        }
    }

    internal static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private AuditEntry AddAudit(string kind, string? userName, int? registrationId, string? sourceAddress, string reason, string? actor = null)
    {
        var entry = new AuditEntry(_clock.GetUtcNow(), kind, userName, registrationId, sourceAddress, reason, actor);
        _audit.Add(entry);
        return entry;
    }

    private ApiRegistration KeyRegistration(int registrationId)
    {
        if (!_registrations.TryGetValue(registrationId, out var registration))
            throw new KeyNotFoundException($"API registration {registrationId} does not exist.");
        if (registration.Key is null)
            throw new InvalidOperationException($"API registration {registrationId} is an API access policy: it has no key (OAuth clients use client secrets).");
        return registration;
    }

    /// <summary>
    /// Idle time, the user, and the registration the session began with: it must still exist and be active (key and
    /// token sessions alike: deactivating an access policy ends its OAuth sessions as it ends a key's), with the key
    /// generation it began with (A6) or a token still valid (C3, C7).
    /// </summary>
    private bool IsAlive(ApiSession session, DateTimeOffset now)
    {
        if (now - session.LastActivityAt > TimeSpan.FromMinutes(Settings.SessionIdleTimeoutMinutes)) return false;
        if (!_users.TryGetValue(session.UserId, out var user) || !user.IsActive || user.IsQuarantined) return false;
        if (session.RegistrationId is not int id || !_registrations.TryGetValue(id, out var registration) || !registration.Active) return false;
        if (session.AccessTokenHash is not null)
        {
            return _tokens.TryGetValue(session.AccessTokenHash, out var token) && token.IsValidAt(now);
        }
        return registration.KeyGeneration == session.KeyGeneration;
    }

    private void PruneDeadSessions(DateTimeOffset now)
    {
        foreach (var id in _sessions.Values.Where(s => !IsAlive(s, now)).Select(s => s.Id).ToList()) _sessions.Remove(id);
    }
}
