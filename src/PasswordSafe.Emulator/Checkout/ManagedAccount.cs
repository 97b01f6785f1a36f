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
    public string AccountName { get; internal set; }
    public ManagedAccountType Type { get; }
    public string? DomainName { get; internal set; }
    public string? UserPrincipalName { get; internal set; }
    public string? InstanceName { get; internal set; }
    public int? ApplicationId { get; internal set; }
    public string? ApplicationDisplayName { get; internal set; }
    public string? Description { get; internal set; }
    public string? PreferredNodeId { get; internal set; }
    /// <summary>"Enable for API Access": only these appear in GET ManagedAccounts and can be requested (§2.1).</summary>
    public bool ApiEnabled { get; internal set; } = true;
    public int ReleaseDuration { get; internal set; }
    public int MaxReleaseDuration { get; internal set; }
    public int ISAReleaseDuration { get; internal set; }
    /// <summary>Open requests (all users) the account allows at once; 0 = no limit.</summary>
    public int MaxConcurrentRequests { get; internal set; }
    public bool HasDssKey => PrivateKey is not null;

    /// <summary>Times the password was rotated (RotateOnCheckin); tests assert on it, the value itself stays hidden.</summary>
    public int PasswordChangeCount { get; internal set; }
    /// <summary>The other §2.2 provisioning fields by wire name (LoginAccountFlag, ChangeFrequencyType…), as last set.</summary>
    public System.Collections.Generic.IReadOnlyDictionary<string, object?> Settings { get; internal set; } =
        new System.Collections.Generic.Dictionary<string, object?>();
    /// <summary>True once deleted (E5); requests made before still hold the object, which no longer has a catalog position.</summary>
    public bool Deleted { get; internal set; }
    public DateTimeOffset? LastChangeDate { get; internal set; }

    internal bool Generated { get; init; }
    internal ProtectedSecret? Password { get; set; }
    internal ProtectedSecret? PrivateKey { get; set; }
    internal ProtectedSecret? Passphrase { get; set; }
    /// <summary>
    /// §4.2: the password the target system really has, when it differs from the stored one (a credential set with
    /// UpdateSystem=false). Null means the system has the stored password, so Credentials/Test succeeds.
    /// </summary>
    internal ProtectedSecret? SystemPassword { get; set; }
    /// <summary>§4.2 Change with Queue=true: when the queued rotation runs (ChangeState 2 until then).</summary>
    internal DateTimeOffset? QueuedChangeAt { get; set; }
    /// <summary>Who queued that change (their sign-in name), for the audit entry of its run.</summary>
    internal string? QueuedChangeBy { get; set; }

    /// <summary>The password as stored now (seeded, derived for generated accounts, or rotated).</summary>
    internal string? RevealPassword() => Password?.Reveal() ?? (Generated ? GeneratedPassword.For(ManagedAccountId) : null);

    /// <summary>The name as a client shows it: DOMAIN\name for directory accounts, else the bare name.</summary>
    public string QualifiedName => string.IsNullOrEmpty(DomainName) ? AccountName : $"{DomainName}\\{AccountName}";

    public override string ToString() => $"{System.SystemName}/{QualifiedName}";
}
