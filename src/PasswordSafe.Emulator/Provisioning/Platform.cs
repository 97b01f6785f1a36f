using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// A platform as <c>GET Platforms</c> lists it (api-v3 §6.4: PlatformID, Name, ShortName, PortFlag, DefaultPort,
/// DomainNameFlag, AutoManagementFlag, DSSFlag …). The real server has many more; this catalog holds the common ones,
/// with the ids the seeds use, so a managed system with an unknown PlatformID is refused as the server would refuse it.
/// The ids and flags are inferred [I].
/// </summary>
public sealed record Platform(int PlatformID, string Name, string ShortName, bool PortFlag, int? DefaultPort,
    bool DomainNameFlag, bool AutoManagementFlag, bool DSSFlag, string DefaultSessionType)
{
    public static IReadOnlyList<Platform> All { get; } = new[]
    {
        new Platform(1, "Windows", "win", true, 445, false, true, false, "RDP"),
        new Platform(2, "Linux", "linux", true, 22, false, true, true, "SSH"),
        new Platform(3, "AIX", "aix", true, 22, false, true, true, "SSH"),
        new Platform(4, "HP-UX", "hpux", true, 22, false, true, true, "SSH"),
        new Platform(5, "Solaris", "solaris", true, 22, false, true, true, "SSH"),
        new Platform(8, "MySQL", "mysql", true, 3306, false, true, false, "None"),
        new Platform(10, "Oracle", "oracle", true, 1521, false, true, false, "None"),
        new Platform(11, "MS SQL Server", "mssql", true, 1433, false, true, false, "None"),
        new Platform(25, "Active Directory", "ad", true, 389, true, true, false, "RDP"),
        new Platform(27, "LDAP", "ldap", true, 389, true, true, false, "None"),
        new Platform(40, "Amazon Web Services", "aws", false, null, false, true, false, "None"),
    };

    public static Platform? Find(int id) => All.FirstOrDefault(p => p.PlatformID == id);

    /// <summary>The refusal of a body's PlatformID that names no platform; null when it is absent or known.</summary>
    internal static string? Problem(IReadOnlyDictionary<string, object?> values) =>
        values.TryGetValue("PlatformID", out var value) && value is int id && Find(id) is null
            ? $"PlatformID {id} is not a platform (GET Platforms lists them)."
            : null;
}
