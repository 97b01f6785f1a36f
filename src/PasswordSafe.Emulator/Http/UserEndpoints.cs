using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Users (api-v3 §6.6; spec C1, C2, C5, C6), permission "User Accounts Management": list, one, create by UserType,
/// update, delete (ends the user's sessions), group membership, and recycling a client secret (C5); quarantine (ends
/// the user's sessions, and it cannot sign in) needs "Password Safe API Global Quarantine" instead.
/// An application user's secret is shown only in the create and recycle answers.
/// </summary>
internal static class UserEndpoints
{
    private const string NotFoundReason = "User not found";

    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        var users = signedIn.MapGroup(string.Empty).Requires(Permissions.UserAccountsManagement);
        users.MapGet("/Users", List);
        users.MapGet("/Users/{id:int}", (int id, EmulatorState state) =>
            state.FindUser(id) is { } user ? ApiResults.Json(UserJson.From(user)) : ApiResults.NotFound(NotFoundReason));
        users.MapPost("/Users", (HttpContext context, EmulatorState state) => SaveAsync(null, context, state));
        users.MapPut("/Users/{id:int}", (int id, HttpContext context, EmulatorState state) => SaveAsync(id, context, state));
        users.MapDelete("/Users/{id:int}", (int id, HttpContext context, EmulatorState state) =>
            AdminResults.Done(state.DeleteUser(id, AdminResults.Caller(context, state))));
        users.MapPost("/Users/{id:int}/RecycleClientSecret", Recycle);
        users.MapPost("/Users/{userId:int}/UserGroups/{groupId:int}", (int userId, int groupId, HttpContext context, EmulatorState state) =>
            AdminResults.From(state.AddGroupMember(userId, groupId, AdminResults.Caller(context, state)), UserGroupJson.From));
        users.MapDelete("/Users/{userId:int}/UserGroups/{groupId:int}", (int userId, int groupId, HttpContext context, EmulatorState state) =>
            AdminResults.Done(state.RemoveGroupMember(userId, groupId, AdminResults.Caller(context, state))));
        // The API reference guards quarantine with "Password Safe API Global Quarantine (Full control)", not with
        // User Accounts Management: incident responders may lock a user out without administering users.
        signedIn.MapPost("/Users/{id:int}/Quarantine", (int id, HttpContext context, EmulatorState state) =>
                AdminResults.From(state.QuarantineUser(id, AdminResults.Caller(context, state)), u => UserJson.From(u)))
            .Requires(Permissions.PasswordSafeApiGlobalQuarantine);
    }

    /// <summary>?username= takes a plain name, or domain\user / UPN for directory users; inactive users only with ?includeInactive=true.</summary>
    private static IResult List(HttpContext context, EmulatorState state)
    {
        var query = context.Request.Query;
        var userName = query["username"].FirstOrDefault();
        var includeInactive = bool.TryParse(query["includeInactive"].FirstOrDefault(), out var flag) && flag;
        IEnumerable<EmulatorUser> users = state.Users;
        if (!includeInactive) users = users.Where(u => u.IsActive);
        if (!string.IsNullOrEmpty(userName))
        {
            users = users.Where(u => u.IsKnownAs(userName) || string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
        }
        return ApiResults.Json(users.Select(u => UserJson.From(u)).ToList());
    }

    private static async Task<IResult> SaveAsync(int? id, HttpContext context, EmulatorState state)
    {
        var (body, error) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (body is null) return ApiResults.BadRequest(error!);
        var input = UserBodyReader.Read(body, creating: id is null, out error);
        if (input is null) return ApiResults.BadRequest(error!);
        var caller = AdminResults.Caller(context, state);
        if (id is int existing) return AdminResults.From(state.UpdateUser(existing, input, caller), u => UserJson.From(u));
        var created = state.CreateUser(input, caller);
        // C2: the only answer (with recycle) that carries the client secret; it must not be cached anywhere.
        if (created.Succeeded && created.Value.Secret is not null) context.Response.Headers.CacheControl = "no-store";
        return AdminResults.From(created, made => UserJson.From(made.User, made.Secret));
    }

    private static IResult Recycle(int id, HttpContext context, EmulatorState state)
    {
        var actor = state.FindUser(RequestFacts.Session(context).UserId)?.UserName ?? "unknown";
        try
        {
            var secret = state.RecycleClientSecret(id, actor);
            context.Response.Headers.CacheControl = "no-store";
            return ApiResults.Json(UserJson.From(state.FindUser(id)!, secret), StatusCodes.Status201Created);
        }
        catch (KeyNotFoundException)
        {
            return ApiResults.NotFound(NotFoundReason);
        }
        catch (InvalidOperationException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
    }
}
