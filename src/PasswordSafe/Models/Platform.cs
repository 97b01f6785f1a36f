using PasswordSafe.Admin;

namespace PasswordSafe;

/// <summary>
/// A platform (<c>GET Platforms</c>, api-v3 §6.4): what New-PSManagedSystem -PlatformId takes, and what the platform
/// supports (port, domain names, automatic password management, DSS keys).
/// </summary>
public sealed class Platform
{
    [WireName("PlatformID")]
    public int PlatformId { get; internal set; }

    public string? Name { get; internal set; }

    public string? ShortName { get; internal set; }

    /// <summary>Whether systems of this platform take a port.</summary>
    public bool PortFlag { get; internal set; }

    public int? DefaultPort { get; internal set; }

    public bool DomainNameFlag { get; internal set; }

    public bool AutoManagementFlag { get; internal set; }

    /// <summary>Whether accounts of this platform can hold DSS keys.</summary>
    public bool DSSFlag { get; internal set; }

    public string? DefaultSessionType { get; internal set; }

    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => Name ?? string.Empty;
}
