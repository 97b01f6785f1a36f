using System;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>A user as GET Users returns it (api-v3 §6.6) plus ClientSecretExpiryDate (C6). ClientSecret only after a recycle.</summary>
internal sealed record UserJson(
    int UserID, string UserName, string? DomainName, string? DistinguishedName, string? FirstName, string? LastName,
    string? EmailAddress, DateTimeOffset? LastLoginDate, string? LastLoginAuthenticationType,
    string? LastLoginConfigurationName, string? LastLoginSAMLIDPURL, string? LastLoginSSOURL,
    bool IsQuarantined, bool IsActive, string? ClientID, string? ClientSecret, int? AccessPolicyID, string UserType,
    DateTimeOffset? ClientSecretExpiryDate)
{
    internal static UserJson From(EmulatorUser user, string? revealedClientSecret = null) => new(
        user.UserId, user.UserName, user.DomainName, user.DistinguishedName, user.FirstName, user.LastName,
        user.EmailAddress, user.LastLoginDate, user.LastLoginAuthenticationType, null, null, null,
        user.IsQuarantined, user.IsActive, user.ClientId, revealedClientSecret, user.AccessPolicyId, user.UserType.ToString(),
        user.ClientSecretExpiryDate);
}
