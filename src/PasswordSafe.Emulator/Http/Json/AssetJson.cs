using System;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>An asset (api-v3 §6.2).</summary>
internal sealed record AssetJson(int WorkgroupID, int AssetID, string AssetName, string? AssetType, string? DnsName,
    string? DomainName, string IPAddress, string? MacAddress, string? OperatingSystem, DateTimeOffset CreateDate,
    DateTimeOffset LastUpdateDate, string? Description)
{
    internal static AssetJson From(Asset a) => new(a.WorkgroupId, a.AssetId, a.AssetName, a.AssetType, a.DnsName, a.DomainName,
        a.IPAddress, a.MacAddress, a.OperatingSystem, a.CreateDate, a.LastUpdateDate, a.Description);
}
