using System;

namespace PasswordSafe;

/// <summary>An asset (api-v3 §6.2). <c>AssetId</c> binds to New-PSManagedSystem, so assets pipe into it (spec E5).</summary>
public sealed class Asset
{
    public int AssetId { get; internal set; }

    public int WorkgroupId { get; internal set; }

    public string? AssetName { get; internal set; }

    public string? AssetType { get; internal set; }

    public string? IPAddress { get; internal set; }

    public string? DnsName { get; internal set; }

    public string? DomainName { get; internal set; }

    public string? MacAddress { get; internal set; }

    public string? OperatingSystem { get; internal set; }

    public string? Description { get; internal set; }

    public DateTimeOffset? CreateDate { get; internal set; }

    public DateTimeOffset? LastUpdateDate { get; internal set; }

    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => AssetName ?? IPAddress ?? string.Empty;
}
