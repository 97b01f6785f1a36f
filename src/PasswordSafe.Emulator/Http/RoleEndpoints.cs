using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Reference lists (api-v3 §6.4): GET Roles (smart-rule roles, permission "Password Safe Role Management"),
/// GET Permissions and GET AccessLevels (permission "User Accounts Management").
/// </summary>
internal static class RoleEndpoints
{
    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        signedIn.MapGet("/Roles", () => ApiResults.Json(Role.All)).Requires(Permissions.PasswordSafeRoleManagement);
        signedIn.MapGet("/Permissions", () => ApiResults.Json(Permissions.All)).Requires(Permissions.UserAccountsManagement);
        signedIn.MapGet("/AccessLevels", () => ApiResults.Json(AccessLevel.All)).Requires(Permissions.UserAccountsManagement);
    }
}
