using System;
using Microsoft.AspNetCore.Http;

namespace PasswordSafe.Emulator.Http;

/// <summary>Turns the outcome of an administration change into its answer: the mapped value with its status, or the D1 body.</summary>
internal static class AdminResults
{
    internal static IResult From<T>(LedgerOutcome<T> outcome, Func<T, object> map)
    {
        if (!outcome.Succeeded) return ApiResults.Message(outcome.StatusCode, outcome.Error!);
        if (outcome.StatusCode == StatusCodes.Status204NoContent) return Results.NoContent();
        return ApiResults.Json(map(outcome.Value!), outcome.StatusCode);
    }

    /// <summary>DELETE and other changes without a body to show: 200 (the module also accepts 204).</summary>
    internal static IResult Done(LedgerOutcome<bool> outcome) =>
        outcome.Succeeded ? Results.Ok() : ApiResults.Message(outcome.StatusCode, outcome.Error!);

    /// <summary>The signed-in caller, for the audit; null only when the session's user vanished mid-call.</summary>
    internal static Caller Caller(HttpContext context, EmulatorState state) =>
        CallerFacts.From(context, state) ?? throw new InvalidOperationException("The session's user no longer exists.");
}
