using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Request sets (api-v3 §3.4): POST RequestSets (201 with the set and its requests [I]) and GET RequestSets
/// (the caller's sets with an open request, <c>?status=all|active|pending</c> [I]).
/// </summary>
internal static class RequestSetEndpoints
{
    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        signedIn.MapPost("/RequestSets", CreateAsync);
        signedIn.MapGet("/RequestSets", List);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, EmulatorState state)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        var (body, error) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (body is null) return ApiResults.BadRequest(error!);
        NewRequestSetBody set;
        try
        {
            set = new NewRequestSetBody
            {
                AccessTypes = AccessTypesOf(body),
                SystemId = body.Int("SystemID"),
                AccountId = body.Int("AccountID"),
                ApplicationId = body.Int("ApplicationID"),
                DurationMinutes = body.Int("DurationMinutes"),
                Reason = body.Text("Reason"),
                TicketSystemId = body.Int("TicketSystemID"),
                TicketNumber = body.Text("TicketNumber"),
            };
        }
        catch (FormatException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        var outcome = state.Ledger.CreateSet(caller, set);
        return outcome.Succeeded
            ? ApiResults.Json(RequestSetJson.From(outcome.Value!), outcome.StatusCode)
            : RequestEndpoints.Failure(outcome.StatusCode, outcome.Error!);
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        var outcome = state.Ledger.ListSets(caller, context.Request.Query["status"].FirstOrDefault());
        return outcome.Succeeded
            ? ApiResults.Json(outcome.Value!.Select(RequestSetJson.From).ToList())
            : RequestEndpoints.Failure(outcome.StatusCode, outcome.Error!);
    }

    /// <summary>An array of strings (null when absent: the ledger says it is required).</summary>
    private static string?[]? AccessTypesOf(JsonBody body)
    {
        if (!body.TryGet("AccessTypes", out var list)) return null;
        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
            throw new FormatException("AccessTypes must be an array of access types (View, RDP, SSH, App), e.g. [\"View\",\"RDP\"].");
        return list.EnumerateArray().Select(item => item.GetString()).ToArray();
    }
}
