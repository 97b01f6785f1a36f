using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PasswordSafe.Emulator.Http.Json;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// /emulator/…: diagnostics and knobs for tests and admins, outside the emulated API and answered on loopback only.
/// </summary>
internal static class ControlEndpoints
{
    internal static void Map(IEndpointRouteBuilder app, DateTimeOffset startedAt)
    {
        var control = app.MapGroup(ApiPaths.Control).AddEndpointFilter(LoopbackOnlyAsync);
        control.MapGet("/audit", (HttpContext context, EmulatorState state) =>
        {
            var user = context.Request.Query["user"].FirstOrDefault();
            return ApiResults.Json(string.IsNullOrEmpty(user) ? state.Audit : AuditOf(state, user));
        });
        // For humans watching a runbook: every request with its status (never a credential).
        control.MapGet("/requests", (EmulatorState state) => ApiResults.Json(state.ReleaseRequests.Select(RequestJson.From).ToList()));
        // What a client sent and how often (method, path, query, status; never a header or body), newest last.
        control.MapGet("/calls", (EmulatorState state) => ApiResults.Json(state.ApiCalls.All));
        control.MapGet("/notifications", (EmulatorState state) => ApiResults.Json(state.AdminNotifications));
        control.MapGet("/status", (EmulatorRuntime runtime, EmulatorState state) => ApiResults.Json(Status(runtime, state, startedAt)));
        // Out-of-process tests (Pester) move time and start over through these; in process: Clock.Advance, server.Reset().
        control.MapGet("/clock", (EmulatorRuntime runtime) => ApiResults.Json(EmulatorClockJson.From(runtime.Clock)));
        control.MapPost("/clock", AdvanceClockAsync);
        control.MapPost("/reset", (EmulatorRuntime runtime) => ApiResults.Json(Status(runtime, runtime.Reset(), startedAt)));
        // Scripted refusals of signed-in calls (a status and body instead of the endpoint's answer), e.g. a 403 on GET Aliases.
        control.MapGet("/refusals", (EmulatorState state) => ApiResults.Json(state.CallRefusals.All));
        control.MapPost("/refusals", PostRefusalAsync);
        control.MapDelete("/refusals", (EmulatorState state) =>
        {
            state.CallRefusals.Clear();
            return ApiResults.Json(state.CallRefusals.All);
        });
        // Calls carried out at once whose answers are held back, e.g. a POST Requests whose answer a client's timeout loses.
        control.MapGet("/late-answers", (EmulatorState state) => ApiResults.Json(state.LateAnswers.All));
        control.MapPost("/late-answers", PostLateAnswerAsync);
        control.MapDelete("/late-answers", (EmulatorState state) =>
        {
            state.LateAnswers.Clear();
            return ApiResults.Json(state.LateAnswers.All);
        });
        control.MapGet("/settings", (EmulatorState state) => ApiResults.Json(state.Settings));
        control.MapPut("/settings", PutSettingsAsync);
        // No session proxy runs here, so nobody ever connects with a ticket; these stand in for the user, so a runbook
        // that watches or locks live sessions can be tried (sessions are not started until then).
        control.MapPost("/sessions/{id:int}/connect", (int id, EmulatorState state) => SimulateSessionUse(id, state, connect: true));
        control.MapPost("/sessions/{id:int}/logoff", (int id, EmulatorState state) => SimulateSessionUse(id, state, connect: false));
    }

    /// <summary>
    /// The entries of the user the name means — DOMAIN\user, UPN or, for a directory user, the bare name — whatever form an
    /// entry holds (a failed sign-in keeps the run-as name as typed); a name no user has matches entries with that name.
    /// </summary>
    private static IReadOnlyList<AuditEntry> AuditOf(EmulatorState state, string name)
    {
        var users = state.Users.Where(u => u.IsNamed(name)).ToList();
        return state.Audit.Where(e => e.UserName is { } recorded
            && (string.Equals(recorded, name, StringComparison.OrdinalIgnoreCase) || users.Any(u => u.IsNamed(recorded)))).ToList();
    }

    private static EmulatorStatusJson Status(EmulatorRuntime runtime, EmulatorState state, DateTimeOffset startedAt) => new("Running",
        typeof(ControlEndpoints).Assembly.GetName().Version?.ToString() ?? "0.0.0", runtime.Port, runtime.CertificateThumbprint,
        startedAt, state.Clock.GetUtcNow(), runtime.LastResetAt,
        state.ActiveSessionCount, state.Users.Count, state.UserGroups.Count, state.ApiRegistrations.Count,
        state.Audit.Count, state.AdminNotifications.Count, state.ManagedAccountCount, state.ActiveRequestCount);

    /// <summary>Forward only, as in process (<see cref="EmulatorClock.Advance"/>): time in the emulator never runs back.</summary>
    private static async Task<IResult> AdvanceClockAsync(HttpContext context, EmulatorRuntime runtime)
    {
        const string example = "{\"AdvanceMinutes\": 21}";
        var (body, refusal) = await ControlBody<ClockAdvance>.ReadAsync(context, "a clock change", example);
        if (refusal is not null) return refusal;
        if (body!.AdvanceMinutes is not double minutes)
            return ApiResults.BadRequest($"AdvanceMinutes is required: the minutes to move the emulator clock forward, e.g. {example}.");
        if (minutes <= 0)
            return ApiResults.BadRequest("AdvanceMinutes must be more than 0: the emulator clock only moves forward (POST /emulator/reset takes it back to real time).");
        if (minutes > ClockAdvance.MaxMinutes)
            return ApiResults.BadRequest($"AdvanceMinutes must be at most {ClockAdvance.MaxMinutes} (ten years).");
        if (!runtime.Clock.TryAdvance(TimeSpan.FromMinutes(minutes)))
        {
            return ApiResults.BadRequest($"The emulator clock runs at most 1,000 years ahead of real time, so that every date it adds to now " +
                $"(request expiry, secret expiry, token lifetime) still fits; it is {runtime.Clock.Offset.TotalDays.ToString("#,0.#", CultureInfo.InvariantCulture)} days ahead " +
                "already, and this move would take it past that. POST /emulator/reset returns it to real time.");
        }
        return ApiResults.Json(EmulatorClockJson.From(runtime.Clock));
    }

    private static IResult SimulateSessionUse(int id, EmulatorState state, bool connect)
    {
        if (state.Ledger.SessionBook.Find(id) is not { } session) return ApiResults.NotFound("Session not found.");
        var now = state.Clock.GetUtcNow();
        var changed = connect ? state.Ledger.SessionBook.Connect(session, now) : state.Ledger.SessionBook.LogOff(session, now);
        if (!changed)
        {
            return ApiResults.BadRequest(connect
                ? $"Session {id} is {session.Status}; only a session that has not started can connect."
                : $"Session {id} is {session.Status}; only a session in progress can log off.");
        }
        state.RecordAudit(connect ? AuditKinds.SessionConnected : AuditKinds.SessionLoggedOff, session.UserName, null, null,
            $"session {id} of {session.UserName} to {session.TargetName} {(connect ? "connected" : "logged off")} (simulated)");
        return ApiResults.Json(SessionJson.From(session));
    }

    private static async Task<IResult> PutSettingsAsync(HttpContext context, EmulatorState state)
    {
        // An unknown key (a typo such as "SessionIdleTimeout") is a 400 naming it, never a 200 that changed nothing.
        var (change, refusal) = await ControlBody<SeedSettings>.ReadAsync(context, "settings", "{\"SessionIdleTimeoutMinutes\": 5}");
        if (refusal is not null) return refusal;
        try
        {
            state.Settings = state.Settings.With(change);
        }
        catch (ArgumentException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        return ApiResults.Json(state.Settings);
    }

    private const string RefusalExample = "{\"Method\": \"GET\", \"Path\": \"Aliases\", \"StatusCode\": 403, \"Body\": \"4031\", \"UserName\": \"approver\"}";
    private const string LateAnswerExample = "{\"Method\": \"POST\", \"Path\": \"Requests\", \"DelayMilliseconds\": 3000}";

    /// <summary>201 with all the rules, or 400 saying what in the rule could never match or is missing.</summary>
    private static async Task<IResult> PostRefusalAsync(HttpContext context, EmulatorState state)
    {
        var (body, refusal) = await ControlBody<RefusalRuleBody>.ReadAsync(context, "a refusal", RefusalExample);
        if (refusal is not null) return refusal;
        if (body!.StatusCode is not int status)
            return ApiResults.BadRequest($"StatusCode is required: the status (400–599) to answer instead, e.g. {RefusalExample}.");
        return AddRule(state, body.UserName, "refusal",
            () => state.CallRefusals.Add(new CallRefusal(body.Method!, body.Path!, status, body.Body, body.UserName)), () => state.CallRefusals.All);
    }

    private static async Task<IResult> PostLateAnswerAsync(HttpContext context, EmulatorState state)
    {
        var (body, refusal) = await ControlBody<LateAnswerRuleBody>.ReadAsync(context, "a late answer", LateAnswerExample);
        if (refusal is not null) return refusal;
        if (body!.DelayMilliseconds is not int delay)
            return ApiResults.BadRequest($"DelayMilliseconds is required: how long to hold the answer back (1–{EmulatorSettings.MaxResponseDelayMilliseconds}), e.g. {LateAnswerExample}.");
        return AddRule(state, body.UserName, "late answer",
            () => state.LateAnswers.Add(new LateAnswer(body.Method!, body.Path!, delay, body.UserName)), () => state.LateAnswers.All);
    }

    /// <summary>A rule's UserName must name a user (any form, as the rule matches); the lists check the call itself.</summary>
    private static IResult AddRule(EmulatorState state, string? userName, string kind, Action add, Func<object> all)
    {
        if (userName is not null && !state.Users.Any(u => u.IsNamed(userName)))
            return ApiResults.BadRequest($"A {kind}'s UserName must name a user (DOMAIN\\user, UPN or user name); no user is named '{userName}'. Leave it out for anyone.");
        try
        {
            add();
        }
        catch (ArgumentException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        return ApiResults.Json(all(), StatusCodes.Status201Created);
    }

    private static ValueTask<object?> LoopbackOnlyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var peer = RequestFacts.Peer(context.HttpContext);
        if (peer is null || !System.Net.IPAddress.IsLoopback(peer))
            return ValueTask.FromResult<object?>(ApiResults.Message(StatusCodes.Status403Forbidden, "The emulator control endpoints answer loopback callers only."));
        return next(context);
    }
}
