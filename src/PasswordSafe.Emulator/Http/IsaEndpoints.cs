using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// ISA (api-v3 §5.2, §5.3; spec E3, E4): POST ISARequests?type= → 201 <c>{ "Credentials": "…" }</c>, POST ISASessions →
/// 201 ticket or file. The ISA role on the account is required (403 4031); there is no request to check in.
/// </summary>
internal static class IsaEndpoints
{
    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        signedIn.MapPost("/ISARequests", RequestAsync);
        signedIn.MapPost("/ISASessions", SessionAsync);
    }

    private static async Task<IResult> RequestAsync(HttpContext context, EmulatorState state)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        var (body, error) = await ReadAsync(context);
        if (body is null) return ApiResults.BadRequest(error!);
        var outcome = state.Ledger.IsaCredential(caller, body, context.Request.Query["type"].FirstOrDefault());
        if (!outcome.Succeeded) return RequestEndpoints.Failure(outcome.StatusCode, outcome.Error!);
        context.Response.Headers.CacheControl = "no-store";
        return ApiResults.Json(new IsaCredentialsJson(outcome.Value!), outcome.StatusCode);
    }

    private static async Task<IResult> SessionAsync(HttpContext context, EmulatorState state)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        var (body, error) = await ReadAsync(context);
        if (body is null) return ApiResults.BadRequest(error!);
        var outcome = state.Ledger.IsaSession(caller, body);
        return outcome.Succeeded ? SessionResults.From(outcome.Value!, context) : RequestEndpoints.Failure(outcome.StatusCode, outcome.Error!);
    }

    private static async Task<(IsaBody? Body, string? Error)> ReadAsync(HttpContext context)
    {
        var (body, error) = await JsonBody.ReadAsync(context.Request, optional: false);
        if (body is null) return (null, error);
        try
        {
            return (new IsaBody
            {
                SystemId = body.Int("SystemID"),
                AccountId = body.Int("AccountID"),
                DurationMinutes = body.Int("DurationMinutes"),
                Reason = body.Text("Reason"),
                SessionType = body.Text("SessionType"),
                ApplicationId = body.Int("ApplicationID"),
            }, null);
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }
}
