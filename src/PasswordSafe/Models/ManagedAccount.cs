using System;
using System.Globalization;

namespace PasswordSafe;

/// <summary>
/// A requestable managed account (<c>GET ManagedAccounts</c>, api-v3 §2.1). Property names match the
/// parameters of New-PSRequest, Get-PSCredential and Use-PSCredential, so accounts bind to them by name.
/// </summary>
public sealed class ManagedAccount
{
    public int SystemId { get; internal set; }

    public string? SystemName { get; internal set; }

    public int AccountId { get; internal set; }

    public string? AccountName { get; internal set; }

    public string? DomainName { get; internal set; }

    public string? UserPrincipalName { get; internal set; }

    /// <summary>The account in its own sign-in form: <c>DOMAIN\name</c>, the UPN, or the bare name (see CredentialUserName).</summary>
    public string? UserName { get; internal set; }

    public int PlatformId { get; internal set; }

    public string? InstanceName { get; internal set; }

    public int? ApplicationId { get; internal set; }

    public string? ApplicationDisplayName { get; internal set; }

    /// <summary>Minutes a request lasts when no duration is given; New-PSRequest binds it as -DurationMinutes.</summary>
    public int DefaultReleaseDuration { get; internal set; }

    public int MaximumReleaseDuration { get; internal set; }

    public DateTimeOffset? LastChangeDate { get; internal set; }

    public DateTimeOffset? NextChangeDate { get; internal set; }

    public bool IsChanging { get; internal set; }

    /// <summary>0 idle, 1 changing now, 2 queued.</summary>
    public int ChangeState { get; internal set; }

    /// <summary>True when the caller has the ISA role on the account (Get-PSIsaCredential, New-PSIsaSession).</summary>
    public bool IsIsaAccess { get; internal set; }

    public string? PreferredNodeId { get; internal set; }

    public string? AccountDescription { get; internal set; }

    /// <summary>The session the account was read with, so the next cmdlet in a pipeline uses the same one.</summary>
    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => $"{SystemName}\\{AccountName}";

    /// <summary>The names and the ids that tell this account apart from others with the same names (systems may share one).</summary>
    internal string DescribeWithIds() =>
        $"{SystemName}\\{AccountName} (SystemId {SystemId.ToString(CultureInfo.InvariantCulture)}, AccountId {AccountId.ToString(CultureInfo.InvariantCulture)})";
}
