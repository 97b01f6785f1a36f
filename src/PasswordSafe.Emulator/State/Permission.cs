namespace PasswordSafe.Emulator;

/// <summary>A BeyondInsight feature permission a user group can hold (GET Permissions, api-v3 §6.4).</summary>
public sealed record Permission(int PermissionID, string Name);
