using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Requests (api-v3 §3, spec E1/E2): POST (bare id, 201 new / 200 reused), GET (status, queue), PUT Checkin, Approve,
/// Deny, RotateOnCheckin (204), POST Requests/{id}/Sessions (201), and GET Credentials/{id} (JSON string, §4.1).
/// </summary>
internal static class RequestEndpoints
{
    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        signedIn.MapPost("/Requests", CreateAsync);
        signedIn.MapGet("/Requests", List);
        signedIn.MapPut("/Requests/{id:int}/Checkin", (int id, HttpContext context, EmulatorState state) =>
            DecideAsync(context, state, (caller, reason) => state.Ledger.CheckIn(caller, id, reason)));
        signedIn.MapPut("/Requests/{id:int}/Approve", (int id, HttpContext context, EmulatorState state) =>
            DecideAsync(context, state, (caller, reason) => state.Ledger.Approve(caller, id, reason)));
        signedIn.MapPut("/Requests/{id:int}/Deny", (int id, HttpContext context, EmulatorState state) =>
            DecideAsync(context, state, (caller, reason) => state.Ledger.Deny(caller, id, reason)));
        signedIn.MapPut("/Requests/{id:int}/RotateOnCheckin", (int id, HttpContext context, EmulatorState state) =>
            DecideAsync(context, state, (caller, _) => state.Ledger.SetRotateOnCheckin(caller, id)));
        signedIn.MapPost("/Requests/{id:int}/Sessions", CreateSessionAsync);
        signedIn.MapGet("/Credentials/{id:int}", ReadCredential);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, EmulatorState state)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        var (body, error) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (body is null) return ApiResults.BadRequest(error!);
        NewRequestBody request;
        try
        {
            request = ReadNewRequest(body);
        }
        catch (FormatException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        var outcome = state.Ledger.Create(caller, request);
        // §3.2: the bare request id as a JSON number.
        return outcome.Succeeded ? ApiResults.Json(outcome.Value, outcome.StatusCode) : Failure(outcome.StatusCode, outcome.Error!);
    }

    /// <summary>The keys of a POST Requests body (api-v3 §3.2); FormatException names a value of the wrong type.</summary>
    internal static NewRequestBody ReadNewRequest(JsonBody body) => new()
    {
        SystemId = body.Int("SystemID"),
        AccountId = body.Int("AccountID"),
        DurationMinutes = body.Int("DurationMinutes"),
        AccessType = body.Text("AccessType"),
        ApplicationId = body.Int("ApplicationID"),
        Reason = body.Text("Reason"),
        AccessPolicyScheduleId = body.Int("AccessPolicyScheduleID"),
        ConflictOption = body.Text("ConflictOption"),
        TicketSystemId = body.Int("TicketSystemID"),
        TicketNumber = body.Text("TicketNumber"),
        RotateOnCheckin = body.Bool("RotateOnCheckin"),
    };

    private static IResult List(HttpContext context, EmulatorState state)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        var query = context.Request.Query;
        var outcome = state.Ledger.List(caller, query["status"].FirstOrDefault(), query["queue"].FirstOrDefault());
        return outcome.Succeeded
            ? ApiResults.Json(outcome.Value!.Select(RequestJson.From).ToList())
            : Failure(outcome.StatusCode, outcome.Error!);
    }

    /// <summary>
    /// The PUT actions, and the terminate-by-target POSTs, take an optional body <c>{ "Reason": "…" }</c> (GO sends
    /// <c>{}</c>; at most 1000 characters) and answer 204.
    /// </summary>
    internal static async Task<IResult> DecideAsync(HttpContext context, EmulatorState state, Func<Caller, string?, LedgerOutcome<bool>> action)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        var (body, error) = await JsonBody.ReadAsync(context.Request, optional: true);
        if (body is null) return ApiResults.BadRequest(error!);
        string? reason;
        try
        {
            reason = body.Text("Reason");
        }
        catch (FormatException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        if (reason is { Length: > CheckoutCodes.MaxReasonLength })
            return ApiResults.BadRequest($"Reason must be {CheckoutCodes.MaxReasonLength} characters or fewer.");
        var outcome = action(caller, reason);
        return outcome.Succeeded ? Results.NoContent() : Failure(outcome.StatusCode, outcome.Error!);
    }

    private static async Task<IResult> CreateSessionAsync(int id, HttpContext context, EmulatorState state)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        var (body, error) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (body is null) return ApiResults.BadRequest(error!);
        string? sessionType;
        try
        {
            sessionType = body.Text("SessionType");
            // NodeID only picks a Remote Session Proxy node; the emulator has one (§5.1), so it is read and not used.
            _ = body.Text("NodeID");
        }
        catch (FormatException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        var outcome = state.Ledger.CreateSession(caller, id, sessionType);
        return outcome.Succeeded ? SessionResults.From(outcome.Value!, context) : Failure(outcome.StatusCode, outcome.Error!);
    }

    private static IResult ReadCredential(int id, HttpContext context, EmulatorState state)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        var outcome = state.Ledger.ReadCredential(caller, id, context.Request.Query["type"].FirstOrDefault());
        // §4.1: the credential as a JSON string; it must not linger in any cache.
        if (outcome.Succeeded) context.Response.Headers.CacheControl = "no-store";
        return outcome.Succeeded ? ApiResults.Json(outcome.Value!) : Failure(outcome.StatusCode, outcome.Error!);
    }

    /// <summary>D1: a JSON string body — the bare code for 403/409, the reason otherwise.</summary>
    internal static IResult Failure(int statusCode, string error) => ApiResults.Message(statusCode, error);
}
