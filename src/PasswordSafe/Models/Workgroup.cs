using PasswordSafe.Admin;

namespace PasswordSafe;

/// <summary>A workgroup (api-v3 §6.1): assets are created in one (spec E5).</summary>
public sealed class Workgroup
{
    [WireName("ID")]
    public int WorkgroupId { get; internal set; }

    public string? Name { get; internal set; }

    public string? OrganizationId { get; internal set; }

    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => Name ?? string.Empty;
}
