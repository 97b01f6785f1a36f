using System;

namespace PasswordSafe.Emulator;

/// <summary>A user (human or application). Changed only through <see cref="EmulatorState"/>; secrets are internal and encrypted.</summary>
public sealed class EmulatorUser
{
    internal EmulatorUser(int userId, string userName, UserType userType)
    {
        UserId = userId;
        UserName = userName;
        UserType = userType;
    }

    public int UserId { get; }
    public string UserName { get; internal set; }
    public UserType UserType { get; }
    public string? DomainName { get; internal set; }
    public string? UserPrincipalName { get; internal set; }
    public string? DistinguishedName { get; internal set; }
    public string? FirstName { get; internal set; }
    public string? LastName { get; internal set; }
    public string? EmailAddress { get; internal set; }
    public bool IsActive { get; internal set; } = true;
    public bool IsQuarantined { get; internal set; }
    public TwoFactorMethod TwoFactor { get; internal set; } = TwoFactorMethod.None;
    public int? AccessPolicyId { get; internal set; }
    public string? ClientId { get; internal set; }
    /// <summary>C6: fixed when the secret is made; later changes of the expiry setting do not move it.</summary>
    public DateTimeOffset? ClientSecretExpiryDate { get; internal set; }
    public DateTimeOffset? LastLoginDate { get; internal set; }
    // Directory users (api-v3 §6.6 POST bodies): where the directory is; the bind password stays encrypted.
    public string? ForestName { get; internal set; }
    public string? HostName { get; internal set; }
    public int? Port { get; internal set; }
    public bool UseSsl { get; internal set; }
    public string? BindUser { get; internal set; }
    public string? AccountNameAttribute { get; internal set; }
    internal ProtectedSecret? BindPassword { get; set; }
    public string? LastLoginAuthenticationType { get; internal set; }

    /// <summary>A stable, made-up SID for SignAppIn responses.</summary>
    public string Sid => $"S-1-5-21-1004336348-1177238915-682003330-{1000 + UserId}";

    public string DisplayName => string.Join(' ', new[] { FirstName, LastName }).Trim() is { Length: > 0 } name ? name : UserName;

    public bool IsDirectoryUser => UserType is UserType.ActiveDirectory or UserType.LDAP;

    internal ProtectedSecret? Password { get; set; }
    internal ProtectedSecret? ClientSecret { get; set; }

    /// <summary>
    /// The name the user signs in with and is known by in audit entries, requests and sessions: <c>DOMAIN\user</c> for a
    /// directory user (its UPN when it has no domain), the plain name for others. The same name SignAppIn answers.
    /// </summary>
    public string SignInName => !IsDirectoryUser ? UserName
        : !string.IsNullOrEmpty(DomainName) ? $"{DomainName}\\{UserName}"
        : !string.IsNullOrEmpty(UserPrincipalName) ? UserPrincipalName! : UserName;

    /// <summary>
    /// How the control endpoints (audit filter, refusal and late-answer rules) name a user: any form it signs in with, or,
    /// for a directory user, also its bare name — the name GET Users shows. Sign-in itself is stricter (<see cref="IsKnownAs"/>).
    /// </summary>
    public bool IsNamed(string name) =>
        IsKnownAs(name) || (IsDirectoryUser && string.Equals(name, UserName, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// B1: BeyondInsight and application users by plain name; directory users as domain\user or UPN
    /// (a plain name alone does not identify a directory user, as on the real server).
    /// </summary>
    public bool IsKnownAs(string runAs)
    {
        if (!IsDirectoryUser) return string.Equals(runAs, UserName, StringComparison.OrdinalIgnoreCase);
        var slash = runAs.IndexOf('\\');
        if (slash > 0)
        {
            return string.Equals(runAs[..slash], DomainName, StringComparison.OrdinalIgnoreCase)
                && string.Equals(runAs[(slash + 1)..], UserName, StringComparison.OrdinalIgnoreCase);
        }
        return runAs.Contains('@') && string.Equals(runAs, UserPrincipalName, StringComparison.OrdinalIgnoreCase);
    }
}
