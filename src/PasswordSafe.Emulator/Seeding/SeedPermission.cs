namespace PasswordSafe.Emulator;

/// <summary>
/// A group's feature permission in a seed (<c>UserGroups[].Permissions</c>): by PermissionID or by Name (e.g.
/// "Asset Management"), at AccessLevelID 1 (Read Only) or 2 (Read/Write, the default).
/// </summary>
public sealed class SeedPermission
{
    public int? PermissionID { get; set; }
    public string? Name { get; set; }
    public int? AccessLevelID { get; set; }
}
