using System;

namespace PasswordSafe.Benchmarks;

/// <summary>The baseline's typed view of one <c>GET ManagedAccounts</c> item (api-v3 §2.1), the same fields the module reads.</summary>
internal sealed class PlainManagedAccount
{
    public int PlatformID { get; set; }
    public int SystemId { get; set; }
    public string? SystemName { get; set; }
    public string? DomainName { get; set; }
    public int AccountId { get; set; }
    public string? AccountName { get; set; }
    public string? InstanceName { get; set; }
    public string? UserPrincipalName { get; set; }
    public int? ApplicationID { get; set; }
    public string? ApplicationDisplayName { get; set; }
    public int DefaultReleaseDuration { get; set; }
    public int MaximumReleaseDuration { get; set; }
    public DateTimeOffset? LastChangeDate { get; set; }
    public DateTimeOffset? NextChangeDate { get; set; }
    public bool IsChanging { get; set; }
    public int ChangeState { get; set; }
    public bool IsISAAccess { get; set; }
    public string? PreferredNodeID { get; set; }
    public string? AccountDescription { get; set; }
}
