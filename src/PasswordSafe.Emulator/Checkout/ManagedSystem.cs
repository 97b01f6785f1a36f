namespace PasswordSafe.Emulator;

/// <summary>A managed system (api-v3 §6.3): the host, database instance, directory or cloud its accounts live on.</summary>
public sealed class ManagedSystem
{
    internal ManagedSystem(int id, string systemName, Workgroup workgroup)
    {
        ManagedSystemId = id;
        SystemName = systemName;
        Workgroup = workgroup;
    }

    public int ManagedSystemId { get; }
    public string SystemName { get; }
    public Workgroup Workgroup { get; }
    public int PlatformId { get; internal init; } = 1;
    public string? IPAddress { get; internal init; }
    public string? HostName { get; internal init; }
    public string? DnsName { get; internal init; }
    public string? InstanceName { get; internal init; }
    public string? Description { get; internal init; }
    /// <summary>Defaults for its accounts that set none (minutes).</summary>
    public int ReleaseDuration { get; internal init; } = 120;
    public int MaxReleaseDuration { get; internal init; } = 525600;
    public int ISAReleaseDuration { get; internal init; } = 120;

    /// <summary>Its accounts occupy [FirstAccountIndex, EndAccountIndex) of the catalog's ordered array, so a system filter is a range.</summary>
    internal int FirstAccountIndex { get; set; }
    internal int EndAccountIndex { get; set; }
}
