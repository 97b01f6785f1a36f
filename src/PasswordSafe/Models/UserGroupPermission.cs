namespace PasswordSafe;

/// <summary>
/// A feature permission a user group holds, at an access level (<c>GET UserGroups/{id}/Permissions</c>), named from
/// <c>GET Permissions</c> and <c>GET AccessLevels</c>. GroupId and PermissionId bind Revoke-PSUserGroupPermission by
/// property name; PermissionId and AccessLevel bind Grant-PSUserGroupPermission, so a group's permissions can be given to
/// another group.
/// </summary>
public sealed class UserGroupPermission
{
    public int GroupId { get; internal set; }

    public string? GroupName { get; internal set; }

    public int PermissionId { get; internal set; }

    /// <summary>The permission's name, such as "User Accounts Management".</summary>
    public string? Name { get; internal set; }

    public int AccessLevelId { get; internal set; }

    /// <summary>The access level's name as the server lists it; its id as text when the server lists no such level.</summary>
    public string? AccessLevel { get; internal set; }

    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => $"{Name} ({AccessLevel})";
}
