using System;

namespace PasswordSafe.Emulator;

/// <summary>
/// A managed account (api-v3 §2). Secrets are internal and encrypted; generated accounts derive theirs on demand
/// (<see cref="GeneratedPassword"/>) so 100,000 of them load without 100,000 encryptions.
/// </summary>
public sealed class ManagedAccount
{
    internal ManagedAccount(int id, ManagedSystem system, string accountName, ManagedAccountType type)
    {
        ManagedAccountId = id;
        System = system;
        AccountName = accountName;
        Type = type;
    }

    public int ManagedAccountId { get; }
    public ManagedSystem System { get; }
    public string AccountName { get; }
    public ManagedAccountType Type { get; }
    public string? DomainName { get; internal init; }
    public string? UserPrincipalName { get; internal init; }
    public string? InstanceName { get; internal init; }
    public int? ApplicationId { get; internal init; }
    public string? ApplicationDisplayName { get; internal init; }
    public string? Description { get; internal init; }
    public string? PreferredNodeId { get; internal init; }
    /// <summary>"Enable for API Access": only these appear in GET ManagedAccounts and can be requested (§2.1).</summary>
    public bool ApiEnabled { get; internal init; } = true;
    public int ReleaseDuration { get; internal init; }
    public int MaxReleaseDuration { get; internal init; }
    public int ISAReleaseDuration { get; internal init; }
    /// <summary>Open requests (all users) the account allows at once; 0 = no limit.</summary>
    public int MaxConcurrentRequests { get; internal init; }
    public bool HasDssKey => PrivateKey is not null;

    /// <summary>Times the password was rotated (RotateOnCheckin); tests assert on it, the value itself stays hidden.</summary>
    public int PasswordChangeCount { get; internal set; }
    public DateTimeOffset? LastChangeDate { get; internal set; }

    /// <summary>Position in the catalog's ordered array (system id, then account id).</summary>
    internal int Index { get; set; }
    internal bool Generated { get; init; }
    internal ProtectedSecret? Password { get; set; }
    internal ProtectedSecret? PrivateKey { get; init; }
    internal ProtectedSecret? Passphrase { get; init; }

    /// <summary>The password as stored now (seeded, derived for generated accounts, or rotated).</summary>
    internal string? RevealPassword() => Password?.Reveal() ?? (Generated ? GeneratedPassword.For(ManagedAccountId) : null);

    /// <summary>The name as a client shows it: DOMAIN\name for directory accounts, else the bare name.</summary>
    public string QualifiedName => string.IsNullOrEmpty(DomainName) ? AccountName : $"{DomainName}\\{AccountName}";

    public override string ToString() => $"{System.SystemName}/{QualifiedName}";
}
