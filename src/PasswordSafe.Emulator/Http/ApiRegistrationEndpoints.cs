using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>ApiRegistrations (api-v3 §6.7), admin only. Reading and rotating the key are audited (A6).</summary>
internal static class ApiRegistrationEndpoints
{
    private const string NotFoundReason = "API registration not found";

    internal static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapGet("/ApiRegistrations", (EmulatorState state) =>
            ApiResults.Json(state.ApiRegistrations.Select(ApiRegistrationJson.From).ToList()));
        admin.MapGet("/ApiRegistrations/{id:int}", (int id, EmulatorState state) =>
            state.FindApiRegistration(id) is { } registration
                ? ApiResults.Json(ApiRegistrationJson.From(registration))
                : ApiResults.NotFound(NotFoundReason));
        admin.MapGet("/ApiRegistrations/{id:int}/Key", (int id, HttpContext context, EmulatorState state) =>
            WithKey(() => ApiResults.Json(state.ReadApiKey(id, Actor(context, state)))));
        admin.MapPost("/ApiRegistrations/{id:int}/Rotate", (int id, HttpContext context, EmulatorState state) =>
            WithKey(() => ApiResults.Json(state.RotateApiKey(id, Actor(context, state)), StatusCodes.Status201Created)));
    }

    private static IResult WithKey(Func<IResult> action)
    {
        try
        {
            return action();
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

    private static string Actor(HttpContext context, EmulatorState state) =>
        state.FindUser(RequestFacts.Session(context).UserId)?.UserName ?? "unknown";
}
