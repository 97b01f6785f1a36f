using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// Administration (A1–A7, C2, C5, C6; api-v3 §6.5–6.7): registrations, users, groups, memberships, permissions and
/// smart-rule roles. Every change is audited with who and what, never a secret. Shape checks happen at the HTTP
/// edge; the checks here need the state (names taken, ids that must exist, A4 rule kinds).
/// </summary>
public sealed partial class EmulatorState
{
    // ---- API registrations (A1–A4, §6.7) --------------------------------------------------------

    internal LedgerOutcome<ApiRegistration> CreateApiRegistration(RegistrationInput input, Caller caller)
    {
        lock (_gate)
        {
            var type = input.Type!.Value;
            if (RegistrationNameClash(input.Name!.Trim(), null) is { } clash) return AdminOutcome.Invalid<ApiRegistration>(clash);
            var id = NextId("registration", _registrations.Keys);
            var registration = new ApiRegistration(id, input.Name!.Trim(), type)
            {
                Active = input.Active ?? true,
                Visible = input.Visible ?? true,
                // A2: MFA is on unless the body turns it off, as in the console.
                MultiFactorAuthenticationEnforced = input.MultiFactorAuthenticationEnforced ?? true,
                ClientCertificateRequired = input.ClientCertificateRequired ?? false,
                UserPasswordRequired = input.UserPasswordRequired ?? false,
                VerifyPsrunSignature = input.VerifyPsrunSignature ?? false,
                AccessTokenDuration = input.AccessTokenDuration ?? 60,
            };
            var nextRuleId = 1;
            registration.IPAuthenticationRules = NewRules(input.IPRules, ref nextRuleId);
            registration.XForwardedForAuthenticationRules = NewRules(input.XffRules, ref nextRuleId);
            registration.PSRUNRules = NumberPsrunRules(input.PsrunRules ?? []);
            if (registration.IPAuthenticationRules.Count == 0 && registration.PSRUNRules.Count == 0)
                return AdminOutcome.Invalid<ApiRegistration>(NeedsARule);
            // A5: a key policy gets a strong generated key at once, usable for sign-in right away (GET …/Key shows it).
            if (type == RegistrationType.ApiKeyPolicy) registration.Key = ProtectedSecret.Protect(SecretGenerator.NewApiKey());
            _registrations.Add(id, registration);
            AddAudit(AuditKinds.ApiRegistrationCreated, caller, $"API registration {id} '{registration.Name}' ({type}) created");
            return LedgerOutcome<ApiRegistration>.Ok(registration, 201);
        }
    }

    internal LedgerOutcome<ApiRegistration> UpdateApiRegistration(int id, RegistrationInput input, Caller caller)
    {
        lock (_gate)
        {
            if (!_registrations.TryGetValue(id, out var registration)) return AdminOutcome.NotFound<ApiRegistration>(RegistrationNotFound);
            if (input.Type is { } type && type != registration.RegistrationType)
                return AdminOutcome.Invalid<ApiRegistration>($"RegistrationType cannot change from {registration.RegistrationType} to {type}: create a new registration instead.");
            if (registration.RegistrationType == RegistrationType.ApiKeyPolicy && input.AccessTokenDuration is not null)
                return AdminOutcome.Invalid<ApiRegistration>("AccessTokenDuration applies only to ApiAccessPolicy registrations (A1): leave it out.");
            if (registration.RegistrationType == RegistrationType.ApiAccessPolicy && input.PsrunRules is { Count: > 0 })
                return AdminOutcome.Invalid<ApiRegistration>("PSRUNRules apply only to ApiKeyPolicy registrations: leave them out.");

            var nextRuleId = registration.IPAuthenticationRules.Concat(registration.XForwardedForAuthenticationRules)
                .Select(r => r.Id).DefaultIfEmpty(0).Max() + 1;
            var ipRules = registration.IPAuthenticationRules;
            var xffRules = registration.XForwardedForAuthenticationRules;
            if (input.IPRules is not null || input.XffRules is not null)
            {
                var newIp = input.IPRules ?? registration.IPAuthenticationRules.Select(ToInput).ToList();
                var newXff = input.XffRules ?? registration.XForwardedForAuthenticationRules.Select(ToInput).ToList();
                if (SwitchedKind(registration, newIp, newXff) is { } switched)
                    return AdminOutcome.Invalid<ApiRegistration>(switched);
                var unknownRule = UnknownRuleId(newIp, registration.IPAuthenticationRules.Select(r => r.Id), "IPAuthenticationRules")
                    ?? UnknownRuleId(newXff, registration.XForwardedForAuthenticationRules.Select(r => r.Id), "XForwardedForAuthenticationRules");
                if (unknownRule is not null) return AdminOutcome.Invalid<ApiRegistration>(unknownRule);
                ipRules = KeepOrNumber(newIp, registration.IPAuthenticationRules, ref nextRuleId);
                xffRules = KeepOrNumber(newXff, registration.XForwardedForAuthenticationRules, ref nextRuleId);
            }
            if (input.PsrunRules?.FirstOrDefault(r => r.Id > 0 && !registration.PSRUNRules.Any(p => p.Id == r.Id)) is { } unknownPsrun)
                return AdminOutcome.Invalid<ApiRegistration>($"PSRUNRules: rule {unknownPsrun.Id} is not a PSRUN rule of this registration; leave Id out to add a rule.");
            var psrunRules = input.PsrunRules is null ? registration.PSRUNRules : NumberPsrunRules(input.PsrunRules);
            if (ipRules.Count == 0 && psrunRules.Count == 0) return AdminOutcome.Invalid<ApiRegistration>(NeedsARule);
            if (input.Name is not null && RegistrationNameClash(input.Name.Trim(), id) is { } clash) return AdminOutcome.Invalid<ApiRegistration>(clash);

            if (input.Name is not null) registration.Name = input.Name.Trim();
            registration.Active = input.Active ?? registration.Active;
            registration.Visible = input.Visible ?? registration.Visible;
            registration.MultiFactorAuthenticationEnforced = input.MultiFactorAuthenticationEnforced ?? registration.MultiFactorAuthenticationEnforced;
            registration.ClientCertificateRequired = input.ClientCertificateRequired ?? registration.ClientCertificateRequired;
            registration.UserPasswordRequired = input.UserPasswordRequired ?? registration.UserPasswordRequired;
            registration.VerifyPsrunSignature = input.VerifyPsrunSignature ?? registration.VerifyPsrunSignature;
            registration.AccessTokenDuration = input.AccessTokenDuration ?? registration.AccessTokenDuration;
            registration.IPAuthenticationRules = ipRules;
            registration.XForwardedForAuthenticationRules = xffRules;
            registration.PSRUNRules = psrunRules;
            AddAudit(AuditKinds.ApiRegistrationUpdated, caller, $"API registration {id} '{registration.Name}' updated");
            return LedgerOutcome<ApiRegistration>.Ok(registration);
        }
    }

    /// <summary>Removes the registration, its grants to groups, and every session begun with it (and its tokens).</summary>
    internal LedgerOutcome<bool> DeleteApiRegistration(int id, Caller caller)
    {
        lock (_gate)
        {
            if (!_registrations.Remove(id, out var registration)) return AdminOutcome.NotFound<bool>(RegistrationNotFound);
            RememberId("registration", id);
            if (_users.Values.FirstOrDefault(u => u.AccessPolicyId == id) is { } bound)
            {
                _registrations.Add(id, registration);
                return AdminOutcome.Invalid<bool>($"Application user '{bound.UserName}' uses this access policy: delete the user or bind it to another ApiAccessPolicy first.");
            }
            foreach (var group in _groups.Values.Where(g => g.ApplicationRegistrationIds.Contains(id)))
                group.ApplicationRegistrationIds = group.ApplicationRegistrationIds.Where(r => r != id).ToHashSet();
            foreach (var token in _tokens.Values.Where(t => t.RegistrationId == id)) token.Revoked = true;
            var ended = EndSessionsWhere(s => s.RegistrationId == id);
            _generatedKeyRegistrationIds.Remove(id);
            AddAudit(AuditKinds.ApiRegistrationDeleted, caller, $"API registration {id} '{registration.Name}' deleted; {ended} session(s) ended");
            return LedgerOutcome<bool>.Ok(true);
        }
    }

    // ---- users (C1, C2, C5, C6, §6.6) --------------------------------------------------------------

    /// <summary>201 user; an application user's client secret is returned here once (and again only when recycled).</summary>
    internal LedgerOutcome<(EmulatorUser User, string? Secret)> CreateUser(UserInput input, Caller caller)
    {
        lock (_gate)
        {
            var type = input.UserType!.Value;
            if (TakenUserName(input.UserName!, input.DomainName, type, null) is { } taken)
                return AdminOutcome.Invalid<(EmulatorUser, string?)>(taken);
            var id = NextId("user", _users.Keys);
            var user = new EmulatorUser(id, input.UserName!.Trim(), type)
            {
                FirstName = input.FirstName,
                LastName = input.LastName,
                EmailAddress = input.EmailAddress,
                DomainName = input.DomainName,
                ForestName = input.ForestName,
                UserPrincipalName = input.UserPrincipalName,
                DistinguishedName = input.DistinguishedName,
                HostName = input.HostName,
                Port = input.Port,
                UseSsl = input.UseSsl ?? false,
                BindUser = input.BindUser,
                AccountNameAttribute = input.AccountNameAttribute,
                Password = input.Password is null ? null : ProtectedSecret.Protect(input.Password),
                BindPassword = input.BindPassword is null ? null : ProtectedSecret.Protect(input.BindPassword),
            };
            string? secret = null;
            if (type == UserType.Application)
            {
                // C2: bound to an API access policy, whose IP rules the token endpoint applies.
                if (AccessPolicyProblem(input.AccessPolicyId) is { } problem) return AdminOutcome.Invalid<(EmulatorUser, string?)>(problem);
                user.AccessPolicyId = input.AccessPolicyId;
                user.ClientId = SecretGenerator.NewClientId();
                secret = SecretGenerator.NewClientSecret();
                user.ClientSecret = ProtectedSecret.Protect(secret);
                user.ClientSecretExpiryDate = _clock.GetUtcNow().AddDays(Settings.ClientSecretExpiryDays);
            }
            _users.Add(id, user);
            AddAudit(AuditKinds.UserCreated, caller, $"user {id} '{user.UserName}' ({type}) created");
            return LedgerOutcome<(EmulatorUser, string?)>.Ok((user, secret), 201);
        }
    }

    internal LedgerOutcome<EmulatorUser> UpdateUser(int id, UserInput input, Caller caller)
    {
        lock (_gate)
        {
            if (!_users.TryGetValue(id, out var user)) return AdminOutcome.NotFound<EmulatorUser>(UserNotFound);
            if (input.UserType is { } type && type != user.UserType)
                return AdminOutcome.Invalid<EmulatorUser>($"UserType cannot change from {user.UserType} to {type}: create a new user instead.");
            if (input.UserName is not null && TakenUserName(input.UserName, input.DomainName ?? user.DomainName, user.UserType, id) is { } taken)
                return AdminOutcome.Invalid<EmulatorUser>(taken);
            if (user.UserType == UserType.Application)
            {
                if (input.AccessPolicyId is not null && AccessPolicyProblem(input.AccessPolicyId) is { } problem) return AdminOutcome.Invalid<EmulatorUser>(problem);
                user.AccessPolicyId = input.AccessPolicyId ?? user.AccessPolicyId;
            }
            else if (input.AccessPolicyId is not null)
            {
                return AdminOutcome.Invalid<EmulatorUser>("AccessPolicyID applies only to Application users.");
            }
            if (input.UserName is not null) user.UserName = input.UserName.Trim();
            user.FirstName = input.FirstName ?? user.FirstName;
            user.LastName = input.LastName ?? user.LastName;
            user.EmailAddress = input.EmailAddress ?? user.EmailAddress;
            user.DomainName = input.DomainName ?? user.DomainName;
            if (input.Password is not null) user.Password = ProtectedSecret.Protect(input.Password);
            AddAudit(AuditKinds.UserUpdated, caller, $"user {id} '{user.UserName}' updated" + (input.Password is null ? string.Empty : " (password changed)"));
            return LedgerOutcome<EmulatorUser>.Ok(user);
        }
    }

    /// <summary>Removes the user from every group and ends its sessions and tokens at once.</summary>
    internal LedgerOutcome<bool> DeleteUser(int id, Caller caller)
    {
        lock (_gate)
        {
            if (id == caller.User.UserId) return AdminOutcome.Invalid<bool>("You cannot delete the user you are signed in as.");
            if (!_users.Remove(id, out var user)) return AdminOutcome.NotFound<bool>(UserNotFound);
            RememberId("user", id);
            foreach (var group in _groups.Values.Where(g => g.MemberIds.Contains(id)))
                group.MemberIds = group.MemberIds.Where(m => m != id).ToHashSet();
            foreach (var token in _tokens.Values.Where(t => t.ApplicationUserId == id)) token.Revoked = true;
            var ended = EndSessionsWhere(s => s.UserId == id);
            _generatedSecretUserIds.Remove(id);
            _catalog?.InvalidateViews();
            AddAudit(AuditKinds.UserDeleted, caller, $"user {id} '{user.UserName}' deleted; {ended} session(s) ended");
            return LedgerOutcome<bool>.Ok(true);
        }
    }

    /// <summary>
    /// A quarantined user cannot sign in and its sessions end (IsAlive checks the flag). The API has no call that lifts
    /// it: an administrator clears "Account Quarantined" in the console. Quarantining yourself is refused, as deleting
    /// yourself is [I]: it would end the session that asked.
    /// </summary>
    internal LedgerOutcome<EmulatorUser> QuarantineUser(int id, Caller caller)
    {
        lock (_gate)
        {
            if (!_users.TryGetValue(id, out var user)) return AdminOutcome.NotFound<EmulatorUser>(UserNotFound);
            if (id == caller.User.UserId) return AdminOutcome.Invalid<EmulatorUser>("You cannot quarantine the user you are signed in as.");
            user.IsQuarantined = true;
            var ended = EndSessionsWhere(s => s.UserId == id);
            AddAudit(AuditKinds.UserQuarantined, caller, $"user {id} '{user.UserName}' quarantined; {ended} session(s) ended");
            return LedgerOutcome<EmulatorUser>.Ok(user, 201);
        }
    }

    internal LedgerOutcome<UserGroup> AddGroupMember(int userId, int groupId, Caller caller)
    {
        lock (_gate)
        {
            if (!_users.TryGetValue(userId, out var user)) return AdminOutcome.NotFound<UserGroup>(UserNotFound);
            if (!_groups.TryGetValue(groupId, out var group)) return AdminOutcome.NotFound<UserGroup>(UserGroupNotFound);
            if (!group.MemberIds.Contains(userId))
            {
                group.MemberIds = group.MemberIds.Append(userId).ToHashSet();
                _catalog?.InvalidateViews();
                AddAudit(AuditKinds.GroupMemberAdded, caller, $"user {userId} '{user.UserName}' added to group {groupId} '{group.Name}'");
            }
            return LedgerOutcome<UserGroup>.Ok(group, 201);
        }
    }

    internal LedgerOutcome<bool> RemoveGroupMember(int userId, int groupId, Caller caller)
    {
        lock (_gate)
        {
            if (!_users.TryGetValue(userId, out var user)) return AdminOutcome.NotFound<bool>(UserNotFound);
            if (!_groups.TryGetValue(groupId, out var group)) return AdminOutcome.NotFound<bool>(UserGroupNotFound);
            if (!group.MemberIds.Contains(userId)) return AdminOutcome.NotFound<bool>($"User {userId} is not a member of group {groupId}.");
            group.MemberIds = group.MemberIds.Where(m => m != userId).ToHashSet();
            _catalog?.InvalidateViews();
            AddAudit(AuditKinds.GroupMemberRemoved, caller, $"user {userId} '{user.UserName}' removed from group {groupId} '{group.Name}'");
            return LedgerOutcome<bool>.Ok(true);
        }
    }

    // ---- user groups (A7, §6.5) ---------------------------------------------------------------------

    internal LedgerOutcome<UserGroup> CreateUserGroup(UserGroupInput input, Caller caller)
    {
        lock (_gate)
        {
            if (_groups.Values.Any(g => string.Equals(g.Name, input.Name, StringComparison.OrdinalIgnoreCase)))
                return AdminOutcome.Invalid<UserGroup>($"A user group named '{input.Name}' already exists: groupName must be unique.");
            if (input.ApplicationRegistrationIds.FirstOrDefault(r => !_registrations.ContainsKey(r)) is var missing and > 0)
                return AdminOutcome.Invalid<UserGroup>($"ApplicationRegistrationIDs lists {missing}, which is not an API registration.");
            var grants = new List<SmartRuleGrant>();
            foreach (var (ruleId, level) in input.SmartRuleAccess)
            {
                if (Catalog.FindSmartRule(ruleId) is null) return AdminOutcome.Invalid<UserGroup>($"SmartRuleAccess names SmartRuleID {ruleId}, which does not exist.");
                // §6.5 gives only an access level here [I]: read only = Auditor, read/write = Requestor/Approver under the first policy.
                var policy = Catalog.AccessPolicies.FirstOrDefault();
                grants.Add(level >= AccessLevel.ReadWrite && policy is not null
                    ? new SmartRuleGrant(ruleId, SmartRuleRoles.RequestorApprover, policy.AccessPolicyId)
                    : new SmartRuleGrant(ruleId, SmartRuleRoles.Auditor, null));
            }
            var id = NextId("group", _groups.Keys);
            var group = new UserGroup(id, input.Name)
            {
                Description = input.Description,
                GroupType = input.GroupType,
                IsActive = input.IsActive,
                DistinguishedName = input.DistinguishedName,
                ForestName = input.ForestName,
                DomainName = input.DomainName,
                HostName = input.HostName,
                Port = input.Port,
                UseSsl = input.UseSsl,
                BindUser = input.BindUser,
                BindPassword = input.BindPassword is null ? null : ProtectedSecret.Protect(input.BindPassword),
                MembershipAttribute = input.MembershipAttribute,
                AccountAttribute = input.AccountAttribute,
                ApplicationRegistrationIds = input.ApplicationRegistrationIds.ToHashSet(),
                Permissions = input.Permissions.ToArray(),
                SmartRuleAccess = grants.ToArray(),
            };
            _groups.Add(id, group);
            AddAudit(AuditKinds.UserGroupCreated, caller, $"user group {id} '{group.Name}' ({group.GroupType}) created");
            return LedgerOutcome<UserGroup>.Ok(group, 201);
        }
    }

    /// <summary>Members lose what the group gave at once: registrations (A7), permissions and smart-rule roles.</summary>
    internal LedgerOutcome<bool> DeleteUserGroup(int id, Caller caller)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(id, out var group)) return AdminOutcome.NotFound<bool>(UserGroupNotFound);
            if (group.Administrator && group.MemberIds.Contains(caller.User.UserId)
                && !_groups.Values.Any(g => g.GroupId != id && g.IsActive && g.Administrator && g.MemberIds.Contains(caller.User.UserId)))
                return AdminOutcome.Invalid<bool>("This is your only administrators group: deleting it would lock you out.");
            _groups.Remove(id);
            RememberId("group", id);
            _catalog?.InvalidateViews();
            AddAudit(AuditKinds.UserGroupDeleted, caller, $"user group {id} '{group.Name}' deleted");
            return LedgerOutcome<bool>.Ok(true);
        }
    }

    internal UserGroup? FindUserGroup(string name)
    {
        lock (_gate) return _groups.Values.FirstOrDefault(g => string.Equals(g.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// POST UserGroups/{id}/Permissions: the group's feature permissions become exactly the listed ones [I: the call
    /// "sets" them, worded as the roles call that replaces a group's roles on a rule]. An Administrators group's are
    /// fixed (the console says they cannot be changed), so changing them is refused. Members hold the new set at once.
    /// </summary>
    internal LedgerOutcome<bool> SetGroupPermissions(int id, IReadOnlyList<PermissionGrant> grants, Caller caller)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(id, out var group)) return AdminOutcome.NotFound<bool>(UserGroupNotFound);
            if (group.Administrator) return AdminOutcome.Invalid<bool>(AdministratorsPermissionsFixed(group));
            if (grants.GroupBy(g => g.PermissionID).FirstOrDefault(g => g.Count() > 1) is { } twice)
                return AdminOutcome.Invalid<bool>($"PermissionID {twice.Key} is listed more than once: give each permission one AccessLevelID.");
            group.Permissions = grants.OrderBy(p => p.PermissionID).ToArray();
            AddAudit(AuditKinds.GroupPermissionsChanged, caller, $"user group {id} '{group.Name}' permissions set: " +
                (grants.Count == 0 ? "(none)" : string.Join(", ", group.Permissions.Select(Describe))));
            return LedgerOutcome<bool>.Ok(true, 204);
        }
    }

    /// <summary>DELETE UserGroups/{id}/Permissions: the group holds no feature permission any more (200).</summary>
    internal LedgerOutcome<bool> RemoveGroupPermissions(int id, Caller caller)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(id, out var group)) return AdminOutcome.NotFound<bool>(UserGroupNotFound);
            if (group.Administrator) return AdminOutcome.Invalid<bool>(AdministratorsPermissionsFixed(group));
            var removed = group.Permissions;
            group.Permissions = [];
            AddAudit(AuditKinds.GroupPermissionsChanged, caller, $"user group {id} '{group.Name}' permissions removed: " +
                (removed.Count == 0 ? "(none held)" : string.Join(", ", removed.Select(Describe))));
            return LedgerOutcome<bool>.Ok(true);
        }
    }

    private static string AdministratorsPermissionsFixed(UserGroup group) =>
        $"'{group.Name}' is an Administrators group: it holds every permission, and its permissions cannot be changed.";

    private static string Describe(PermissionGrant grant) =>
        $"{Emulator.Permissions.Find(grant.PermissionID)?.Name} = {AccessLevel.Find(grant.AccessLevelID)?.Name}";

    /// <summary>
    /// E5: the group's roles on a smart rule, replacing earlier ones (an empty list removes the grant). Takes effect for
    /// checkout at once: every cached per-user account view is dropped.
    /// </summary>
    internal LedgerOutcome<bool> GrantSmartRuleRoles(int groupId, int smartRuleId, SmartRuleRoles roles, int? accessPolicyId, Caller caller)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(groupId, out var group)) return AdminOutcome.NotFound<bool>(UserGroupNotFound);
            var catalog = Catalog;
            if (catalog.FindSmartRule(smartRuleId) is null) return AdminOutcome.NotFound<bool>("Smart rule not found");
            if (accessPolicyId is int policyId && catalog.FindPolicy(policyId) is null)
                return AdminOutcome.Invalid<bool>($"AccessPolicyID {policyId} is not an access policy (GET AccessPolicies lists them).");
            if ((roles & SmartRuleRoles.Requestor) != 0 && accessPolicyId is null)
                return AdminOutcome.Invalid<bool>("AccessPolicyID is required with the Requestor role: it decides approvals and access types.");
            var kept = group.SmartRuleAccess.Where(g => g.SmartRuleId != smartRuleId);
            group.SmartRuleAccess = (roles == SmartRuleRoles.None ? kept : kept.Append(new SmartRuleGrant(smartRuleId, roles, accessPolicyId))).ToArray();
            catalog.InvalidateViews();
            AddAudit(AuditKinds.GroupRolesChanged, caller, $"user group {groupId} '{group.Name}' roles on smart rule {smartRuleId}: {roles}" +
                (accessPolicyId is null ? string.Empty : $", access policy {accessPolicyId}"));
            return LedgerOutcome<bool>.Ok(true, 204);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /// <summary>Registration names are unique, as the console keeps them, so scripts can find one by name [I].</summary>
    private string? RegistrationNameClash(string name, int? except) =>
        _registrations.Values.FirstOrDefault(r => r.Id != except && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)) is { } clash
            ? $"An API registration named '{name}' already exists (Id {clash.Id}): Name must be unique."
            : null;

    private const string RegistrationNotFound = "API registration not found";
    private const string UserNotFound = "User not found";
    private const string UserGroupNotFound = "User group not found";
    private const string NeedsARule = "Add at least one IP rule (IPAuthenticationRules) or PSRUN rule (PSRUNRules) (A3): X-Forwarded-For rules alone do not count.";

    private AuditEntry AddAudit(string kind, Caller caller, string what) =>
        AddAudit(kind, caller.User.SignInName, caller.RegistrationId, caller.SourceAddress, what);

    /// <summary>Ends the matching sessions (pending challenges too); returns how many signed-in ones ended.</summary>
    private int EndSessionsWhere(Func<ApiSession, bool> match)
    {
        var ended = _sessions.Values.Where(match).ToList();
        foreach (var session in ended) _sessions.Remove(session.Id);
        return ended.Count(s => !s.PendingChallenge);
    }

    private string? AccessPolicyProblem(int? accessPolicyId)
    {
        if (accessPolicyId is not int id) return "AccessPolicyID is required for an Application user: the id of an ApiAccessPolicy registration (C2).";
        if (!_registrations.TryGetValue(id, out var registration)) return $"AccessPolicyID {id} is not an API registration.";
        return registration.RegistrationType == RegistrationType.ApiAccessPolicy
            ? null
            : $"AccessPolicyID {id} is an API key policy: an Application user needs an ApiAccessPolicy registration (C2).";
    }

    private string? TakenUserName(string userName, string? domainName, UserType type, int? exceptUserId)
    {
        var name = userName.Trim();
        var clash = _users.Values.FirstOrDefault(u => u.UserId != exceptUserId
            && string.Equals(u.UserName, name, StringComparison.OrdinalIgnoreCase)
            && (u.IsDirectoryUser == (type is UserType.ActiveDirectory or UserType.LDAP))
            && (!u.IsDirectoryUser || string.Equals(u.DomainName, domainName, StringComparison.OrdinalIgnoreCase)));
        return clash is null ? null : $"A user named '{name}' already exists (UserID {clash.UserId}): UserName must be unique.";
    }

    private static AddressRule[] NewRules(IReadOnlyList<RuleInput>? rules, ref int nextRuleId)
    {
        var parsed = new List<AddressRule>();
        foreach (var rule in rules ?? []) parsed.Add(AddressRule.Parse(nextRuleId++, rule.Type, rule.Value, rule.Description));
        return parsed.ToArray();
    }

    /// <summary>A rule sent with the id of a rule of the same list keeps it; others get new ids.</summary>
    private static AddressRule[] KeepOrNumber(IReadOnlyList<RuleInput> rules, IReadOnlyList<AddressRule> current, ref int nextRuleId)
    {
        var parsed = new List<AddressRule>();
        var used = new HashSet<int>();
        foreach (var rule in rules)
        {
            var id = rule.Id is int given && given > 0 && current.Any(c => c.Id == given) && used.Add(given) ? given : nextRuleId++;
            parsed.Add(AddressRule.Parse(id, rule.Type, rule.Value, rule.Description));
        }
        return parsed.ToArray();
    }

    /// <summary>
    /// A4: a rule keeps its kind for life. A rule id of one list sent in the other, or a value that leaves one list
    /// and shows up in the other in the same update, is a switch.
    /// </summary>
    private static string? SwitchedKind(ApiRegistration registration, IReadOnlyList<RuleInput> newIp, IReadOnlyList<RuleInput> newXff)
    {
        var oldIp = registration.IPAuthenticationRules;
        var oldXff = registration.XForwardedForAuthenticationRules;
        foreach (var rule in newIp)
        {
            if (rule.Id is int id && oldXff.Any(r => r.Id == id) && !oldIp.Any(r => r.Id == id))
                return $"Rule {id} ('{rule.Value}') is an X-Forwarded-For rule and cannot become an IP rule (A4): delete it and add a new IP rule in a separate update.";
            if (oldXff.Any(r => SameValue(r.Value, rule.Value)) && !oldIp.Any(r => SameValue(r.Value, rule.Value)) && !newXff.Any(r => SameValue(r.Value, rule.Value)))
                return $"'{rule.Value}' moves from XForwardedForAuthenticationRules to IPAuthenticationRules; a rule cannot change between IP and X-Forwarded-For (A4): remove it in one update and add it in another.";
        }
        foreach (var rule in newXff)
        {
            if (rule.Id is int id && oldIp.Any(r => r.Id == id) && !oldXff.Any(r => r.Id == id))
                return $"Rule {id} ('{rule.Value}') is an IP rule and cannot become an X-Forwarded-For rule (A4): delete it and add a new X-Forwarded-For rule in a separate update.";
            if (oldIp.Any(r => SameValue(r.Value, rule.Value)) && !oldXff.Any(r => SameValue(r.Value, rule.Value)) && !newIp.Any(r => SameValue(r.Value, rule.Value)))
                return $"'{rule.Value}' moves from IPAuthenticationRules to XForwardedForAuthenticationRules; a rule cannot change between IP and X-Forwarded-For (A4): remove it in one update and add it in another.";
        }
        return null;
    }

    /// <summary>D1: a rule Id sent in an update must be one of that list's rules (a rule without an Id is a new rule).</summary>
    private static string? UnknownRuleId(IReadOnlyList<RuleInput> rules, IEnumerable<int> existing, string listName)
    {
        var ids = existing.ToHashSet();
        return rules.FirstOrDefault(r => r.Id is > 0 && !ids.Contains(r.Id.Value)) is { } unknown
            ? $"{listName}: rule {unknown.Id} is not a rule of this registration; leave Id out to add a rule."
            : null;
    }

    private static bool SameValue(string left, string right) =>
        string.Equals(left.Replace(" ", string.Empty), right.Replace(" ", string.Empty), StringComparison.OrdinalIgnoreCase);

    private static RuleInput ToInput(AddressRule rule) => new(rule.Id, rule.Kind.ToString(), rule.Value, rule.Description);

    private static PsrunRule[] NumberPsrunRules(IReadOnlyList<PsrunRule> rules) =>
        rules.Select((r, i) => r with { Id = r.Id > 0 ? r.Id : i + 1 }).ToArray();
}
