using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>Users (api-v3 §6.6), admin only: list, one, recycle an application user's client secret (C5).</summary>
internal static class UserEndpoints
{
    private const string NotFoundReason = "User not found";

    internal static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapGet("/Users", List);
        admin.MapGet("/Users/{id:int}", (int id, EmulatorState state) =>
            state.FindUser(id) is { } user ? ApiResults.Json(UserJson.From(user)) : ApiResults.NotFound(NotFoundReason));
        admin.MapPost("/Users/{id:int}/RecycleClientSecret", Recycle);
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

    private static IResult Recycle(int id, HttpContext context, EmulatorState state)
    {
        var actor = state.FindUser(RequestFacts.Session(context).UserId)?.UserName ?? "unknown";
        try
        {
            var secret = state.RecycleClientSecret(id, actor);
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
