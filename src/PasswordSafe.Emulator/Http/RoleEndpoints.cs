using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Reference lists (api-v3 §6.4): GET Roles (smart-rule roles) and GET AccessPolicies (permission "Password Safe Role
/// Management"; the real server also accepts Password Safe Policy Management, which the emulator does not model),
/// GET Permissions and GET AccessLevels (permission "User Accounts Management").
/// </summary>
internal static class RoleEndpoints
{
    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        signedIn.MapGet("/Roles", () => ApiResults.Json(Role.All)).Requires(Permissions.PasswordSafeRoleManagement);
        signedIn.MapGet("/AccessPolicies", (EmulatorState state) => ApiResults.Json(AccessPolicyJson.Of(state.AccessPolicies)))
            .Requires(Permissions.PasswordSafeRoleManagement);
        signedIn.MapGet("/Permissions", () => ApiResults.Json(Permissions.All)).Requires(Permissions.UserAccountsManagement);
        signedIn.MapGet("/AccessLevels", () => ApiResults.Json(AccessLevel.All)).Requires(Permissions.UserAccountsManagement);
    }
}
