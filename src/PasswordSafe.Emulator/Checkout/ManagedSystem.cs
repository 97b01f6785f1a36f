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
    public string SystemName { get; internal set; }
    public Workgroup Workgroup { get; }
    /// <summary>The asset it manages (E5); null for systems seeded without one.</summary>
    public int? AssetId { get; internal set; }
    /// <summary>The other §6.3 fields by wire name (ContactEmail, Port, ChangeFrequencyType…), as last set.</summary>
    public System.Collections.Generic.IReadOnlyDictionary<string, object?> Settings { get; internal set; } =
        new System.Collections.Generic.Dictionary<string, object?>();
    public int PlatformId { get; internal set; } = 1;
    public string? IPAddress { get; internal set; }
    public string? HostName { get; internal set; }
    public string? DnsName { get; internal set; }
    public string? InstanceName { get; internal set; }
    public string? Description { get; internal set; }
    /// <summary>Defaults for its accounts that set none (minutes).</summary>
    public int ReleaseDuration { get; internal set; } = 120;
    public int MaxReleaseDuration { get; internal set; } = 525600;
    public int ISAReleaseDuration { get; internal set; } = 120;
}
