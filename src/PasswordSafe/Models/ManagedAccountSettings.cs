using System;
using PasswordSafe.Admin;

namespace PasswordSafe;

/// <summary>
/// A managed account as provisioning sees it (<c>GET/POST/PUT ManagedAccounts</c>, api-v3 §2.2), unlike the
/// requestable <see cref="ManagedAccount"/>. <c>AccountId</c>/<c>SystemId</c> match ManagedAccount's names, so both
/// bind to Set-/Remove-PSManagedAccount, the credential cmdlets, New-PSQuickRule and New-PSRequest.
/// </summary>
public sealed class ManagedAccountSettings
{
    [WireName("ManagedAccountID")]
    public int AccountId { get; internal set; }

    [WireName("ManagedSystemID")]
    public int SystemId { get; internal set; }

    public string? AccountName { get; internal set; }

    public string? DomainName { get; internal set; }

    public string? UserPrincipalName { get; internal set; }

    public string? SAMAccountName { get; internal set; }

    public string? DistinguishedName { get; internal set; }

    public string? Description { get; internal set; }

    public bool ApiEnabled { get; internal set; }

    public bool AutoManagementFlag { get; internal set; }

    public bool CheckPasswordFlag { get; internal set; }

    public bool ChangePasswordAfterAnyReleaseFlag { get; internal set; }

    public bool ResetPasswordOnMismatchFlag { get; internal set; }

    public int? PasswordRuleId { get; internal set; }

    public string? ReleaseNotificationEmail { get; internal set; }

    public int? ReleaseDuration { get; internal set; }

    public int? MaxReleaseDuration { get; internal set; }

    public int? ISAReleaseDuration { get; internal set; }

    public int? MaxConcurrentRequests { get; internal set; }

    public string? ChangeFrequencyType { get; internal set; }

    public int? ChangeFrequencyDays { get; internal set; }

    public string? ChangeTime { get; internal set; }

    public DateTimeOffset? LastChangeDate { get; internal set; }

    public DateTimeOffset? NextChangeDate { get; internal set; }

    public bool IsChanging { get; internal set; }

    /// <summary>0 idle, 1 changing now, 2 queued.</summary>
    public int ChangeState { get; internal set; }

    public int? WorkgroupId { get; internal set; }

    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => AccountName ?? string.Empty;
}
