using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>A user group: its members may use the listed registrations (A7); Administrator grants the admin endpoints.</summary>
public sealed class UserGroup
{
    internal UserGroup(int groupId, string name)
    {
        GroupId = groupId;
        Name = name;
    }

    public int GroupId { get; }
    public string Name { get; internal set; }
    public string? Description { get; internal set; }
    public string GroupType { get; internal set; } = "BeyondInsight";
    public string? DistinguishedName { get; internal set; }
    public bool IsActive { get; internal set; } = true;
    public bool Administrator { get; internal set; }
    /// <summary>Replaced whole so readers outside the lock see a consistent set.</summary>
    public IReadOnlySet<int> ApplicationRegistrationIds { get; internal set; } = new HashSet<int>();
    public IReadOnlySet<int> MemberIds { get; internal set; } = new HashSet<int>();
    /// <summary>Roles on smart rules; replaced whole, then the catalog's cached views are dropped.</summary>
    public IReadOnlyList<SmartRuleGrant> SmartRuleAccess { get; internal set; } = [];
    /// <summary>Feature permissions (GET/POST UserGroups/{id}/Permissions); Administrator groups hold all regardless.</summary>
    public IReadOnlyList<PermissionGrant> Permissions { get; internal set; } = [];

    // Directory groups (api-v3 §6.5): where the group lives; the bind password is kept encrypted and never shown.
    public string? ForestName { get; internal set; }
    public string? DomainName { get; internal set; }
    public string? HostName { get; internal set; }
    public int? Port { get; internal set; }
    public bool UseSsl { get; internal set; }
    public string? BindUser { get; internal set; }
    public string? MembershipAttribute { get; internal set; }
    public string? AccountAttribute { get; internal set; }
    internal ProtectedSecret? BindPassword { get; set; }
}
