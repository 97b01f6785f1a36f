using System;
using System.Management.Automation;

namespace PasswordSafe;

/// <summary>
/// A BeyondInsight user (api-v3 §6.6), including application users (spec C1/C2). The client secret is
/// never a plain property: right after New-PSUser -ApplicationUser or Reset-PSClientSecret it is in
/// <see cref="ClientCredential"/> (user name = client id), ready for Connect-PasswordSafe -ClientCredential.
/// </summary>
public sealed class User
{
    public int UserId { get; internal set; }

    public string? UserName { get; internal set; }

    /// <summary><c>BeyondInsight</c>, <c>ActiveDirectory</c>, <c>LDAP</c> or <c>Application</c>.</summary>
    public string? UserType { get; internal set; }

    public string? DomainName { get; internal set; }

    public string? DistinguishedName { get; internal set; }

    public string? FirstName { get; internal set; }

    public string? LastName { get; internal set; }

    public string? EmailAddress { get; internal set; }

    public bool IsActive { get; internal set; }

    public bool IsQuarantined { get; internal set; }

    public DateTimeOffset? LastLoginDate { get; internal set; }

    public string? LastLoginAuthenticationType { get; internal set; }

    /// <summary>The OAuth client id of an application user.</summary>
    public string? ClientId { get; internal set; }

    /// <summary>The API access policy registration of an application user (spec C2).</summary>
    public int? AccessPolicyId { get; internal set; }

    /// <summary>When the application user's client secret stops working (spec C6).</summary>
    public DateTimeOffset? ClientSecretExpiryDate { get; internal set; }

    /// <summary>Client id and secret; set only on the object that New-PSUser or Reset-PSClientSecret returns (the secret is shown once).</summary>
    public PSCredential? ClientCredential { get; internal set; }

    /// <summary>The session the user was read with, so the next cmdlet in a pipeline uses the same one.</summary>
    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => UserName ?? string.Empty;
}
