using System;

namespace PasswordSafe.Emulator;

/// <summary>An asset in a workgroup (api-v3 §6.2): the machine a managed system is created on (E5).</summary>
public sealed class Asset
{
    internal Asset(int assetId, int workgroupId, string assetName, string ipAddress, DateTimeOffset created)
    {
        AssetId = assetId;
        WorkgroupId = workgroupId;
        AssetName = assetName;
        IPAddress = ipAddress;
        CreateDate = created;
        LastUpdateDate = created;
    }

    public int AssetId { get; }
    public int WorkgroupId { get; }
    public string AssetName { get; internal set; }
    public string IPAddress { get; internal set; }
    public string? AssetType { get; internal set; }
    public string? DnsName { get; internal set; }
    public string? DomainName { get; internal set; }
    public string? MacAddress { get; internal set; }
    public string? OperatingSystem { get; internal set; }
    public string? Description { get; internal set; }
    public DateTimeOffset CreateDate { get; }
    public DateTimeOffset LastUpdateDate { get; internal set; }
}
