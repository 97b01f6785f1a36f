using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>Turns a seed into an <see cref="EmulatorState"/>, checking the rules a console would enforce on input.</summary>
internal static class StateBuilder
{
    internal static EmulatorState Build(EmulatorSeed seed, TimeProvider clock) => Build(seed, clock, new GeneratedSeedValues());

    /// <summary>Builds with <paramref name="generated"/>'s keys and client secrets for what the seed leaves out (a reset reuses them).</summary>
    internal static EmulatorState Build(EmulatorSeed seed, TimeProvider clock, GeneratedSeedValues generated)
    {
        ArgumentNullException.ThrowIfNull(seed);
        try
        {
            return BuildState(seed, clock, generated);
        }
        catch (SeedException e) when (seed.Origin is { } origin && !e.Located)
        {
            // Builders name the item by its place; the file (or JSON text) and the item's line are added here.
            throw origin.Locate(e);
        }
    }

    private static EmulatorState BuildState(EmulatorSeed seed, TimeProvider clock, GeneratedSeedValues generated)
    {
        SeedUniqueness.Check(seed);
        var state = new EmulatorState(clock);
        try
        {
            state.Settings = state.Settings.With(seed.Settings);
        }
        catch (ArgumentException e)
        {
            throw new SeedException($"$.Settings: {e.Message}");
        }

        foreach (var (item, index) in Indexed(seed.ApiRegistrations))
        {
            var (registration, keyGenerated) = BuildRegistration(item, SeedPlace.Of("ApiRegistrations", index, item.Name, $"Id {item.Id}"), generated);
            state.AddRegistration(registration, keyGenerated);
        }
        foreach (var (item, index) in Indexed(seed.Users))
        {
            var (user, secretGenerated) = BuildUser(item, SeedPlace.Of("Users", index, item.UserName, $"UserID {item.UserID}"), state, clock, generated);
            state.AddUser(user, secretGenerated);
        }
        // Checkout data before groups: a group's SmartRuleAccess names rules and policies.
        var checkout = new CheckoutBuilder();
        checkout.Add(seed);
        foreach (var (item, index) in Indexed(seed.UserGroups))
        {
            var where = SeedPlace.Of("UserGroups", index, item.Name, $"GroupID {item.GroupID}");
            var group = BuildGroup(item, where, state);
            group.SmartRuleAccess = checkout.BuildGrants(item, where);
            state.AddUserGroup(group);
        }
        GrantGeneratedAccounts(checkout, state);
        state.AttachCheckout(checkout.Build(state.GroupsOf));
        state.AttachAliases(checkout.BuildAliases(seed.Aliases));
        return state;
    }

    /// <summary>The items of a seed list with their index (the <c>[i]</c> of a seed path); null items are refused by place.</summary>
    internal static IEnumerable<(T Item, int Index)> Indexed<T>(IReadOnlyList<T>? items, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(items))] string list = "")
        where T : class
    {
        var name = list[(list.LastIndexOf('.') + 1)..];
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            yield return (items![i] ?? throw new SeedException($"$.{name}[{i}]: is null; give an object or remove it."), i);
        }
    }

    /// <summary>The generated data set is requestable by the groups Generate names, or by every group.</summary>
    private static void GrantGeneratedAccounts(CheckoutBuilder checkout, EmulatorState state)
    {
        if (checkout.GeneratedGrant is not { } grant) return;
        var groupIds = checkout.GeneratedGrantGroupIds ?? state.UserGroups.Select(g => g.GroupId).ToList();
        foreach (var id in groupIds)
        {
            var group = state.FindUserGroup(id) ?? throw new SeedException($"$.Generate: GroupIDs lists {id}, which is not a GroupID in the seed.");
            group.SmartRuleAccess = group.SmartRuleAccess.Append(grant).ToArray();
        }
    }

    private static (ApiRegistration, bool) BuildRegistration(SeedApiRegistration item, string where, GeneratedSeedValues values)
    {
        if (item.Id <= 0) throw new SeedException($"{where}: {PositiveId("Id", item.Id, "registration")}");
        var registration = new ApiRegistration(item.Id, string.IsNullOrWhiteSpace(item.Name) ? $"Registration {item.Id}" : item.Name!, item.RegistrationType)
        {
            Active = item.Active ?? true,
            Visible = item.Visible ?? true,
            // A2: absent MFA means "on", the console's default.
            MultiFactorAuthenticationEnforced = item.MultiFactorAuthenticationEnforced ?? true,
            ClientCertificateRequired = item.ClientCertificateRequired ?? false,
            UserPasswordRequired = item.UserPasswordRequired ?? false,
            VerifyPsrunSignature = item.VerifyPsrunSignature ?? false,
            AccessTokenDuration = item.AccessTokenDuration ?? 60,
        };
        if (registration.AccessTokenDuration < 1) throw new SeedException($"{where}: AccessTokenDuration must be 1 minute or more.");

        var nextRuleId = 1;
        registration.IPAuthenticationRules = ParseRules(item.IPAuthenticationRules, where, "IPAuthenticationRules", ref nextRuleId);
        registration.XForwardedForAuthenticationRules = ParseRules(item.XForwardedForAuthenticationRules, where, "XForwardedForAuthenticationRules", ref nextRuleId);
        registration.PSRUNRules = (item.PSRUNRules ?? []).Select((p, i) => new PsrunRule(p.Id ?? i + 1, p.IPAddress, p.MacAddress,
            p.SystemName, p.FQDN, p.DomainName, p.UserId, p.RootVolumeId, p.OSVersion)).ToArray();
        // A3: at least one IP rule or PSRUN rule.
        if (registration.IPAuthenticationRules.Count == 0 && registration.PSRUNRules.Count == 0)
            throw new SeedException($"{where}: add at least one IP rule (IPAuthenticationRules) or PSRUN rule (A3), e.g. {{ \"Type\": \"CIDR\", \"Value\": \"127.0.0.0/8\" }}.");

        var generated = false;
        if (item.RegistrationType == RegistrationType.ApiKeyPolicy)
        {
            if (string.IsNullOrEmpty(item.Key))
            {
                registration.Key = values.ApiKey(item.Id);
                generated = true;
            }
            else if (!ApiKeyFormat.IsValid(item.Key))
            {
                throw new SeedException($"{where}: Key must be 128 letters and digits, or a legacy GUID (A5); leave it out to have one generated.");
            }
            else
            {
                registration.Key = ProtectedSecret.Protect(item.Key);
            }
        }
        else if (!string.IsNullOrEmpty(item.Key))
        {
            throw new SeedException($"{where}: an ApiAccessPolicy registration has no Key (its application users get client secrets); remove Key.");
        }
        return (registration, generated);
    }

    private static AddressRule[] ParseRules(List<SeedAuthenticationRule>? rules, string where, string listName, ref int nextRuleId)
    {
        var parsed = new List<AddressRule>();
        foreach (var (rule, index) in (rules ?? []).Select((r, i) => (r, i)))
        {
            try
            {
                parsed.Add(AddressRule.Parse(nextRuleId++, rule.Type, rule.Value, rule.Description));
            }
            catch (FormatException e)
            {
                throw new SeedException($"{where}: {listName}[{index}]: {e.Message}");
            }
        }
        return parsed.ToArray();
    }

    private static (EmulatorUser, bool) BuildUser(SeedUser item, string where, EmulatorState state, TimeProvider clock, GeneratedSeedValues values)
    {
        if (item.UserID <= 0) throw new SeedException($"{where}: {PositiveId("UserID", item.UserID, "user")}");
        if (string.IsNullOrWhiteSpace(item.UserName)) throw new SeedException($"{where}: UserName is required.");
        var user = new EmulatorUser(item.UserID, item.UserName!, item.UserType)
        {
            DomainName = item.DomainName,
            UserPrincipalName = item.UserPrincipalName,
            DistinguishedName = item.DistinguishedName,
            FirstName = item.FirstName,
            LastName = item.LastName,
            EmailAddress = item.EmailAddress,
            IsActive = item.IsActive ?? true,
            IsQuarantined = item.IsQuarantined ?? false,
            Password = item.Password is null ? null : ProtectedSecret.Protect(item.Password),
            TwoFactor = BuildTwoFactor(item.TwoFactor, where),
        };
        if (user.IsDirectoryUser && string.IsNullOrWhiteSpace(user.DomainName) && string.IsNullOrWhiteSpace(user.UserPrincipalName))
            throw new SeedException($"{where}: a directory user needs DomainName or UserPrincipalName so it can sign in as domain\\user or UPN (B1).");

        var generated = false;
        if (item.UserType == UserType.Application)
        {
            // C2: an application user is bound to an ApiAccessPolicy registration.
            var policy = item.AccessPolicyID is int id ? state.FindApiRegistration(id) : null;
            if (policy is null || policy.RegistrationType != RegistrationType.ApiAccessPolicy)
                throw new SeedException($"{where}: AccessPolicyID must name an ApiAccessPolicy registration listed before the users (C2).");
            user.AccessPolicyId = policy.Id;
            user.ClientId = string.IsNullOrWhiteSpace(item.ClientID) ? values.ClientId(item.UserID) : item.ClientID;
            if (string.IsNullOrEmpty(item.ClientSecret))
            {
                user.ClientSecret = values.ClientSecret(item.UserID);
                generated = true;
            }
            else
            {
                user.ClientSecret = ProtectedSecret.Protect(item.ClientSecret);
            }
            user.ClientSecretExpiryDate = item.ClientSecretExpiryDate ?? clock.GetUtcNow().AddDays(state.Settings.ClientSecretExpiryDays);
        }
        else if (item.AccessPolicyID is not null || item.ClientID is not null || item.ClientSecret is not null)
        {
            throw new SeedException($"{where}: only Application users have AccessPolicyID, ClientID and ClientSecret.");
        }
        return (user, generated);
    }

    private static TwoFactorMethod BuildTwoFactor(SeedTwoFactor? item, string where)
    {
        if (item is null || item.Type == TwoFactorType.None) return TwoFactorMethod.None;
        if (item.Type == TwoFactorType.Challenge && string.IsNullOrEmpty(item.Answer))
            throw new SeedException($"{where}: a Challenge second factor needs an Answer (the code the user types).");
        var prompt = string.IsNullOrWhiteSpace(item.Prompt) ? "Enter your one-time passcode" : item.Prompt!;
        var answer = item.Answer is null ? null : ProtectedSecret.Protect(item.Answer);
        return new TwoFactorMethod(item.Type, prompt, answer, item.PushApproved ?? true);
    }

    private static UserGroup BuildGroup(SeedUserGroup item, string where, EmulatorState state)
    {
        if (item.GroupID <= 0) throw new SeedException($"{where}: {PositiveId("GroupID", item.GroupID, "group")}");
        foreach (var id in item.ApplicationRegistrationIDs ?? [])
        {
            if (state.FindApiRegistration(id) is null) throw new SeedException($"{where}: ApplicationRegistrationIDs lists {id}, which is not a registration in the seed.");
        }
        foreach (var id in item.Members ?? [])
        {
            if (state.FindUser(id) is null) throw new SeedException($"{where}: Members lists {id}, which is not a UserID in the seed.");
        }
        return new UserGroup(item.GroupID, string.IsNullOrWhiteSpace(item.Name) ? $"Group {item.GroupID}" : item.Name!)
        {
            Description = item.Description,
            GroupType = string.IsNullOrWhiteSpace(item.GroupType) ? "BeyondInsight" : item.GroupType!,
            DistinguishedName = item.DistinguishedName,
            IsActive = item.IsActive ?? true,
            Administrator = item.Administrator,
            ApplicationRegistrationIds = (item.ApplicationRegistrationIDs ?? []).ToHashSet(),
            MemberIds = (item.Members ?? []).ToHashSet(),
            Permissions = BuildPermissions(item.Permissions, where),
        };
    }

    private static PermissionGrant[] BuildPermissions(List<SeedPermission>? items, string where)
    {
        var grants = new List<PermissionGrant>();
        foreach (var item in items ?? [])
        {
            var permission = item.PermissionID is int id ? Permissions.Find(id)
                : !string.IsNullOrWhiteSpace(item.Name) ? Permissions.Find(item.Name!) : null;
            if (permission is null)
                throw new SeedException($"{where}: Permissions has an entry that names no known permission; use PermissionID 1–{Permissions.All.Count} or a Name such as \"Asset Management\".");
            var level = item.AccessLevelID ?? AccessLevel.ReadWrite;
            if (level is not (AccessLevel.ReadOnly or AccessLevel.ReadWrite))
                throw new SeedException($"{where}: AccessLevelID of permission '{permission.Name}' must be 1 (Read Only) or 2 (Read/Write).");
            grants.RemoveAll(g => g.PermissionID == permission.PermissionID);
            grants.Add(new PermissionGrant(permission.PermissionID, level));
        }
        return grants.ToArray();
    }

    /// <summary>An id is required: 0 is what a missing one reads as, so it is named as missing.</summary>
    internal static string PositiveId(string field, int value, string kind) => value == 0
        ? $"{field} is missing (or 0): give each {kind} its own positive {field}."
        : $"{field} must be a positive number, not {value}.";
}
