namespace PasswordSafe;

/// <summary>
/// A BeyondInsight feature permission a user group can hold, such as "User Accounts Management" (<c>GET Permissions</c>).
/// Its PermissionId binds Grant-PSUserGroupPermission by property name.
/// </summary>
public sealed class Permission
{
    public int PermissionId { get; internal set; }

    public string? Name { get; internal set; }

    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => Name ?? string.Empty;
}
