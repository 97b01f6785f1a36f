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
/// ApiRegistrations (api-v3 §6.7, spec A1–A6), permission "API Registrations". Create, update, delete; reading and
/// rotating the key are audited (A6) and need Read/Write even for the GET, since they show a secret.
/// </summary>
internal static class ApiRegistrationEndpoints
{
    private const string NotFoundReason = "API registration not found";

    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        var group = signedIn.MapGroup(string.Empty).Requires(Permissions.ApiRegistrations);
        group.MapGet("/ApiRegistrations", (EmulatorState state) =>
            ApiResults.Json(state.ApiRegistrations.Select(ApiRegistrationJson.From).ToList()));
        group.MapGet("/ApiRegistrations/{id:int}", (int id, EmulatorState state) =>
            state.FindApiRegistration(id) is { } registration
                ? ApiResults.Json(ApiRegistrationJson.From(registration))
                : ApiResults.NotFound(NotFoundReason));
        group.MapPost("/ApiRegistrations", (HttpContext context, EmulatorState state) => SaveAsync(null, context, state));
        group.MapPut("/ApiRegistrations/{id:int}", (int id, HttpContext context, EmulatorState state) => SaveAsync(id, context, state));
        group.MapDelete("/ApiRegistrations/{id:int}", (int id, HttpContext context, EmulatorState state) =>
            AdminResults.Done(state.DeleteApiRegistration(id, AdminResults.Caller(context, state))));
        group.MapGet("/ApiRegistrations/{id:int}/Key", (int id, HttpContext context, EmulatorState state) =>
            WithKey(context, () => ApiResults.Json(state.ReadApiKey(id, Actor(context, state))))).Requires(Permissions.ApiRegistrations, alwaysWrite: true);
        group.MapPost("/ApiRegistrations/{id:int}/Rotate", (int id, HttpContext context, EmulatorState state) =>
            WithKey(context, () => ApiResults.Json(state.RotateApiKey(id, Actor(context, state)), StatusCodes.Status201Created)));
    }

    /// <summary>POST (201) or PUT (200): the object, never the key (GET …/Key shows it, audited).</summary>
    private static async Task<IResult> SaveAsync(int? id, HttpContext context, EmulatorState state)
    {
        var (body, error) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (body is null) return ApiResults.BadRequest(error!);
        var input = RegistrationBodyReader.Read(body, creating: id is null, out error);
        if (input is null) return ApiResults.BadRequest(error!);
        var caller = AdminResults.Caller(context, state);
        var outcome = id is int existing ? state.UpdateApiRegistration(existing, input, caller) : state.CreateApiRegistration(input, caller);
        return AdminResults.From(outcome, ApiRegistrationJson.From);
    }

    private static IResult WithKey(HttpContext context, Func<IResult> action)
    {
        try
        {
            // The key must not linger in any cache between the server and the client.
            context.Response.Headers.CacheControl = "no-store";
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
        state.FindUser(RequestFacts.Session(context).UserId)?.SignInName ?? "unknown";
}
