using System;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Session monitoring (api-v3 §5.1): GET Sessions?status=&amp;userID=, GET Sessions/{id}, POST Sessions/{id}/Lock and
/// /Terminate (204). Who may see a session: members of an Administrators group, and holders of the ISA or Auditor role
/// on its account; who may lock or terminate it: administrators, holders of "Password Safe API Global Quarantine" and
/// ISA holders on its account (the real server's Session Auditor and Active Session Reviewer roles are modelled by the
/// Auditor role for reading only) [I]. An admin session (POST Sessions/Admin) has no account: administrators, Global
/// Quarantine holders (to change it) and the user who opened it see and change it [I]; holding "Password Safe Admin
/// Session" is enough to list one's own [I]. Anyone else gets 403 4031.
/// </summary>
internal static class SessionEndpoints
{
    private const SmartRuleRoles Readers = SmartRuleRoles.ISA | SmartRuleRoles.Auditor;

    /// <summary>GET Sessions answers at most this many rows, the first ones, and says nothing of the rest (api-v3 §0).</summary>
    internal const int MaximumListedSessions = 100_000;

    internal static void Map(IEndpointRouteBuilder signedIn)
    {
        signedIn.MapGet("/Sessions", List);
        signedIn.MapGet("/Sessions/{id:int}", (int id, HttpContext context, EmulatorState state) =>
            WithSession(id, context, state, forChange: false, (session, _) => ApiResults.Json(SessionJson.From(session))));
        signedIn.MapPost("/Sessions/{id:int}/Lock", (int id, HttpContext context, EmulatorState state) =>
            WithSession(id, context, state, forChange: true, (session, caller) => Change(state, caller, session, locking: true)));
        signedIn.MapPost("/Sessions/{id:int}/Terminate", (int id, HttpContext context, EmulatorState state) =>
            WithSession(id, context, state, forChange: true, (session, caller) => Change(state, caller, session, locking: false)));
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        var query = context.Request.Query;
        if (!TryInt(query["status"].FirstOrDefault(), out var status) || (status is int s && !Enum.IsDefined(typeof(SessionStatus), s)))
            return ApiResults.BadRequest("status must be a session status: 0 not started, 1 in progress, 2 completed, 5 locked, 7 terminated, 8 logged off, 9 disconnected.");
        if (!TryInt(query["userID"].FirstOrDefault(), out var userId))
            return ApiResults.BadRequest("userID must be a user id.");

        var administrator = state.IsAdministrator(caller.User.UserId);
        var view = state.CheckoutView(caller.User.UserId);
        if (!administrator && !view.HoldsAnyOf(Readers) && !state.HasPermission(caller.User.UserId, Permissions.PasswordSafeAdminSession, write: true))
            return ApiResults.NoPermission();
        var sessions = state.Ledger.SessionBook.All()
            .Where(session => administrator || MayRead(view, session, caller))
            .Where(session => status is null || (int)session.Status == status)
            .Where(session => userId is null || session.UserId == userId)
            .Take(MaximumListedSessions)
            .Select(SessionJson.From)
            .ToList();
        return ApiResults.Json(sessions);
    }

    private static IResult WithSession(int id, HttpContext context, EmulatorState state, bool forChange, Func<AccessSessionRecord, Caller, IResult> then)
    {
        if (CallerFacts.From(context, state) is not { } caller) return ApiResults.Unauthorized();
        if (state.Ledger.SessionBook.Find(id) is not { } session) return ApiResults.NotFound("Session not found.");
        var administrator = state.IsAdministrator(caller.User.UserId);
        var view = state.CheckoutView(caller.User.UserId);
        // The API reference also lets "Password Safe API Global Quarantine" lock and terminate any session (QuarantineEndpoints).
        var allowed = administrator || (forChange
            ? state.HasPermission(caller.User.UserId, Permissions.PasswordSafeApiGlobalQuarantine, write: true) || MayChange(view, session, caller)
            : MayRead(view, session, caller));
        return allowed ? then(session, caller) : ApiResults.NoPermission();
    }

    private static IResult Change(EmulatorState state, Caller caller, AccessSessionRecord session, bool locking)
    {
        var change = locking ? state.Ledger.SessionBook.Lock(session)
            : state.Ledger.SessionBook.Terminate(session, state.Clock.GetUtcNow()) ? SessionChange.Changed : SessionChange.Ended;
        if (change == SessionChange.Ended) return ApiResults.BadRequest($"Session {session.SessionId} has already ended ({session.Status}).");
        // Locking a locked session again is no error [I]: it is locked, as asked; nothing changed, so nothing is audited.
        if (change == SessionChange.Changed) AuditChange(state, caller, session, locking);
        return Results.NoContent();
    }

    /// <summary>One entry per session locked or terminated, whether by its id or by its account's or system's (QuarantineEndpoints).</summary>
    internal static void AuditChange(EmulatorState state, Caller caller, AccessSessionRecord session, bool locking) =>
        state.RecordAudit(locking ? AuditKinds.SessionLocked : AuditKinds.SessionTerminated, caller.User.SignInName, caller.RegistrationId,
            caller.SourceAddress, $"session {session.SessionId} of {session.UserName} to {session.TargetName} {(locking ? "locked" : "terminated")}");

    private static bool MayRead(AccountView view, AccessSessionRecord session, Caller caller) => session.AccountId is int accountId
        ? view.FindAccount(accountId) is { } account && view.HasAnyOf(account, Readers)
        : session.UserId == caller.User.UserId;

    private static bool MayChange(AccountView view, AccessSessionRecord session, Caller caller) => session.AccountId is int accountId
        ? view.FindAccount(accountId) is { } account && view.IsIsa(account)
        : session.UserId == caller.User.UserId;

    private static bool TryInt(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) return false;
        value = parsed;
        return true;
    }
}
