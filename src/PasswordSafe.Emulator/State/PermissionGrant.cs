namespace PasswordSafe.Emulator;

/// <summary>A group's feature permission at an access level; Read Only allows GETs, Read/Write also changes.</summary>
public sealed record PermissionGrant(int PermissionID, int AccessLevelID)
{
    public bool Allows(bool write) => !write || AccessLevelID >= AccessLevel.ReadWrite;
}
