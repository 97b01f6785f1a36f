namespace PasswordSafe.Emulator;

/// <summary>A managed account in a seed (api-v3 §2.2 names). Needs a Password, a PrivateKey (DSS), or both.</summary>
public sealed class SeedManagedAccount
{
    public int ManagedAccountID { get; set; }
    public int ManagedSystemID { get; set; }
    public string? AccountName { get; set; }
    /// <summary>system (default), domainlinked, database, cloud or application.</summary>
    public ManagedAccountType? Type { get; set; }
    public string? DomainName { get; set; }
    public string? UserPrincipalName { get; set; }
    /// <summary>Database accounts; absent: the system's InstanceName.</summary>
    public string? InstanceName { get; set; }
    public int? ApplicationID { get; set; }
    public string? ApplicationDisplayName { get; set; }
    public string? Description { get; set; }
    public string? PreferredNodeID { get; set; }
    /// <summary>"Enable for API Access"; default true.</summary>
    public bool? ApiEnabled { get; set; }
    public string? Password { get; set; }
    public string? PrivateKey { get; set; }
    public string? Passphrase { get; set; }
    /// <summary>Absent: the system's value.</summary>
    public int? ReleaseDuration { get; set; }
    public int? MaxReleaseDuration { get; set; }
    public int? ISAReleaseDuration { get; set; }
    /// <summary>Open requests (all users) at once; 0 or absent = no limit.</summary>
    public int? MaxConcurrentRequests { get; set; }
}
