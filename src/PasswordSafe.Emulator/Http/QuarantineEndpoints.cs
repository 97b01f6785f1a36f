using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Ending access by target for incident response (api-v3 §3.3 and §5.1):
/// <c>POST ManagedAccounts|ManagedSystems/{id}/Requests/Terminate</c>, <c>POST Users/{id}/Requests/Terminate</c> and
/// <c>POST ManagedAccounts|ManagedSystems/{id}/Sessions/Lock|Terminate</c>. All answer 204, also when nothing was open
/// (repeating the call is harmless) [I]; 404 with the reason for an unknown id. The BeyondTrust API reference names one
/// permission for each of them, "Password Safe API Global Quarantine" (Full control): here Read/Write of that feature
/// permission, which an Administrators group holds; anyone else gets 403 4031 before the id is looked at, like every
/// other permission-guarded endpoint. The optional body <c>{ "Reason": "…" }</c> (≤ 1000) goes to the audit.
/// The <c>?feedback=true</c> variant (details instead of 204) is not emulated.
/// </summary>
internal static class QuarantineEndpoints
{
    private const string UserNotFoundReason = "User not found";

    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        var quarantine = signedIn.MapGroup(string.Empty).Requires(Permissions.PasswordSafeApiGlobalQuarantine);

        quarantine.MapPost("/ManagedAccounts/{id:int}/Requests/Terminate", (int id, HttpContext context, EmulatorState state) =>
            state.FindManagedAccount(id) is null
                ? Task.FromResult(ApiResults.NotFound(ManagedAccountEndpoints.NotFoundReason))
                : TerminateRequestsAsync(context, state, request => request.Account.ManagedAccountId == id));
        quarantine.MapPost("/ManagedSystems/{id:int}/Requests/Terminate", (int id, HttpContext context, EmulatorState state) =>
            state.FindManagedSystem(id) is null
                ? Task.FromResult(ApiResults.NotFound(ManagedSystemEndpoints.NotFoundReason))
                : TerminateRequestsAsync(context, state, request => request.Account.System.ManagedSystemId == id));
        quarantine.MapPost("/Users/{id:int}/Requests/Terminate", (int id, HttpContext context, EmulatorState state) =>
            state.FindUser(id) is null
                ? Task.FromResult(ApiResults.NotFound(UserNotFoundReason))
                : TerminateRequestsAsync(context, state, request => request.Requestor.UserId == id));

        quarantine.MapPost("/ManagedAccounts/{id:int}/Sessions/Lock", (int id, HttpContext context, EmulatorState state) =>
            state.FindManagedAccount(id) is null
                ? ApiResults.NotFound(ManagedAccountEndpoints.NotFoundReason)
                : EndSessions(context, state, session => session.AccountId == id, locking: true));
        quarantine.MapPost("/ManagedAccounts/{id:int}/Sessions/Terminate", (int id, HttpContext context, EmulatorState state) =>
            state.FindManagedAccount(id) is null
                ? ApiResults.NotFound(ManagedAccountEndpoints.NotFoundReason)
                : EndSessions(context, state, session => session.AccountId == id, locking: false));
        quarantine.MapPost("/ManagedSystems/{id:int}/Sessions/Lock", (int id, HttpContext context, EmulatorState state) =>
            state.FindManagedSystem(id) is null
                ? ApiResults.NotFound(ManagedSystemEndpoints.NotFoundReason)
                : EndSessions(context, state, session => session.SystemId == id, locking: true));
        quarantine.MapPost("/ManagedSystems/{id:int}/Sessions/Terminate", (int id, HttpContext context, EmulatorState state) =>
            state.FindManagedSystem(id) is null
                ? ApiResults.NotFound(ManagedSystemEndpoints.NotFoundReason)
                : EndSessions(context, state, session => session.SystemId == id, locking: false));
    }

    private static Task<IResult> TerminateRequestsAsync(HttpContext context, EmulatorState state, Func<ReleaseRequest, bool> matches) =>
        RequestEndpoints.DecideAsync(context, state, (caller, reason) =>
        {
            state.Ledger.TerminateOpenRequests(matches, caller, reason);
            return LedgerOutcome<bool>.Ok(true, StatusCodes.Status204NoContent);
        });

    /// <summary>Each session locked or terminated gets its own audit entry, as the single-session calls write theirs.</summary>
    private static IResult EndSessions(HttpContext context, EmulatorState state, Func<AccessSessionRecord, bool> matches, bool locking)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        var book = state.Ledger.SessionBook;
        var changed = locking ? book.LockAll(matches) : book.TerminateAll(matches, state.Clock.GetUtcNow());
        foreach (var session in changed) SessionEndpoints.AuditChange(state, caller, session, locking);
        return Results.NoContent();
    }
}
