using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>UserGroups (api-v3 §6.5), admin only.</summary>
internal static class UserGroupEndpoints
{
    private const string NotFoundReason = "User group not found";

    internal static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapGet("/UserGroups", (EmulatorState state) =>
            ApiResults.Json(state.UserGroups.Select(UserGroupJson.From).ToList()));
        admin.MapGet("/UserGroups/{id:int}", (int id, EmulatorState state) =>
            state.FindUserGroup(id) is { } group ? ApiResults.Json(UserGroupJson.From(group)) : ApiResults.NotFound(NotFoundReason));
        admin.MapGet("/UserGroups/{id:int}/Users", (int id, EmulatorState state) =>
            state.FindUserGroup(id) is null
                ? ApiResults.NotFound(NotFoundReason)
                : ApiResults.Json(state.MembersOf(id).Select(u => UserJson.From(u)).ToList()));
    }
}
