namespace PasswordSafe;

/// <summary>
/// A managed system (api-v3 §6.3). <c>ManagedSystemId</c> binds to New-PSManagedAccount, so systems pipe into it (spec E5).
/// </summary>
public sealed class ManagedSystem
{
    public int ManagedSystemId { get; internal set; }

    public int? AssetId { get; internal set; }

    public int? WorkgroupId { get; internal set; }

    public string? SystemName { get; internal set; }

    public string? HostName { get; internal set; }

    public string? IPAddress { get; internal set; }

    public string? DnsName { get; internal set; }

    public int PlatformId { get; internal set; }

    public int? Port { get; internal set; }

    public int? Timeout { get; internal set; }

    public string? ContactEmail { get; internal set; }

    public string? Description { get; internal set; }

    public int? PasswordRuleId { get; internal set; }

    public int? FunctionalAccountId { get; internal set; }

    public int? ReleaseDuration { get; internal set; }

    public int? MaxReleaseDuration { get; internal set; }

    public int? ISAReleaseDuration { get; internal set; }

    public bool AutoManagementFlag { get; internal set; }

    public bool CheckPasswordFlag { get; internal set; }

    public bool ChangePasswordAfterAnyReleaseFlag { get; internal set; }

    public bool ResetPasswordOnMismatchFlag { get; internal set; }

    public string? ChangeFrequencyType { get; internal set; }

    public int? ChangeFrequencyDays { get; internal set; }

    public string? ChangeTime { get; internal set; }

    public string? RemoteClientType { get; internal set; }

    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => SystemName ?? HostName ?? string.Empty;
}
