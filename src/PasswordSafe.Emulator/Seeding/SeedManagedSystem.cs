namespace PasswordSafe.Emulator;

/// <summary>A managed system in a seed (api-v3 §6.3 names). Release durations are the defaults of its accounts.</summary>
public sealed class SeedManagedSystem
{
    public int ManagedSystemID { get; set; }
    public string? SystemName { get; set; }
    public int? PlatformID { get; set; }
    /// <summary>Absent: the first workgroup.</summary>
    public int? WorkgroupID { get; set; }
    public string? IPAddress { get; set; }
    public string? HostName { get; set; }
    public string? DnsName { get; set; }
    public string? InstanceName { get; set; }
    public string? Description { get; set; }
    public int? ReleaseDuration { get; set; }
    public int? MaxReleaseDuration { get; set; }
    public int? ISAReleaseDuration { get; set; }
}
