using PasswordSafe.Admin;

namespace PasswordSafe;

/// <summary>A user group (api-v3 §6.5): permissions and registrations are granted through groups (spec A7).</summary>
public sealed class UserGroup
{
    [WireName("GroupID")]
    public int GroupId { get; internal set; }

    public string? Name { get; internal set; }

    /// <summary><c>BeyondInsight</c>, <c>ActiveDirectory</c> or <c>LDAP</c>.</summary>
    public string? GroupType { get; internal set; }

    public string? Description { get; internal set; }

    public string? DistinguishedName { get; internal set; }

    public string? AccountAttribute { get; internal set; }

    public string? MembershipAttribute { get; internal set; }

    /// <summary>The API registrations members may use (spec A7).</summary>
    public int[] ApplicationRegistrationIds { get; internal set; } = new int[0];

    public bool IsActive { get; internal set; }

    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => Name ?? string.Empty;
}
