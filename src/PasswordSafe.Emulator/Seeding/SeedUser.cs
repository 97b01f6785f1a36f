using System;

namespace PasswordSafe.Emulator;

/// <summary>A user in a seed: BeyondInsight, directory (ActiveDirectory/LDAP) or Application (C1, C2).</summary>
public sealed class SeedUser
{
    public int UserID { get; set; }
    public string? UserName { get; set; }
    public UserType UserType { get; set; } = UserType.BeyondInsight;
    public string? DomainName { get; set; }
    public string? UserPrincipalName { get; set; }
    public string? DistinguishedName { get; set; }
    public string? Password { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? EmailAddress { get; set; }
    public bool? IsActive { get; set; }
    public bool? IsQuarantined { get; set; }
    public SeedTwoFactor? TwoFactor { get; set; }
    /// <summary>Application users: the ApiAccessPolicy registration whose rules apply at the token endpoint (C2).</summary>
    public int? AccessPolicyID { get; set; }
    public string? ClientID { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>Optional fixed expiry of the seeded secret (C6); default now + ClientSecretExpiryDays.</summary>
    public DateTimeOffset? ClientSecretExpiryDate { get; set; }
}
