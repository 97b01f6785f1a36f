using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// The feature permissions the emulator enforces on the administration endpoints (403 4031 without them). Ids are
/// ours [I]; names are the console's. A group flagged Administrator holds all of them at Read/Write.
/// </summary>
public static class Permissions
{
    public const int AssetManagement = 1;
    public const int PasswordSafeAccountManagement = 2;
    public const int PasswordSafeSystemManagement = 3;
    public const int UserAccountsManagement = 4;
    public const int ApiRegistrations = 5;
    public const int SmartRuleManagement = 6;
    public const int PasswordSafeRoleManagement = 7;
    /// <summary>Ends access by target: Requests/Terminate and Sessions/Lock|Terminate by account, system or user (BeyondTrust API reference: "Full control").</summary>
    public const int PasswordSafeApiGlobalQuarantine = 8;
    /// <summary>POST Sessions/Admin: a proxied session to any host with credentials the caller supplies (BeyondTrust API reference: "Full control").</summary>
    public const int PasswordSafeAdminSession = 9;

    public static IReadOnlyList<Permission> All { get; } = new[]
    {
        new Permission(AssetManagement, "Asset Management"),
        new Permission(PasswordSafeAccountManagement, "Password Safe Account Management"),
        new Permission(PasswordSafeSystemManagement, "Password Safe System Management"),
        new Permission(UserAccountsManagement, "User Accounts Management"),
        new Permission(ApiRegistrations, "API Registrations"),
        new Permission(SmartRuleManagement, "Smart Rule Management - Managed Account"),
        new Permission(PasswordSafeRoleManagement, "Password Safe Role Management"),
        new Permission(PasswordSafeApiGlobalQuarantine, "Password Safe API Global Quarantine"),
        new Permission(PasswordSafeAdminSession, "Password Safe Admin Session"),
    };

    public static Permission? Find(int id) => All.FirstOrDefault(p => p.PermissionID == id);

    public static Permission? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
