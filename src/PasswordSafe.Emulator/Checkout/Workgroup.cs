namespace PasswordSafe.Emulator;

/// <summary>A workgroup (api-v3 §6.1); managed systems belong to one, and GET ManagedAccounts filters on its name.</summary>
public sealed record Workgroup(int Id, string Name, string OrganizationId);
