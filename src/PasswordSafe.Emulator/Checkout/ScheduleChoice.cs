using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// Which schedule of the applying access policy a request is held to (api-v3 §3.2 AccessPolicyScheduleID: "optional;
/// auto-selects best schedule if omitted"). Named: it must be the policy's, allow the access type and be active now.
/// Omitted: the best of the schedules active now that allow the type, fewest approvers first, then the lowest
/// ScheduleID [I]; the choice does not look at MaxConcurrent (a full schedule is a 409, the caller may name another).
/// Every refusal is a 400 naming the schedules that would do [I].
/// </summary>
internal static class ScheduleChoice
{
    internal static LedgerOutcome<(AccessPolicySchedule Schedule, AccessTypeRule Rule)> For(
        AccessPolicy policy, AccessType accessType, int? requestedScheduleId, DateTimeOffset now) =>
        requestedScheduleId is int scheduleId ? Named(policy, accessType, scheduleId, now) : Best(policy, accessType, now);

    private static LedgerOutcome<(AccessPolicySchedule, AccessTypeRule)> Named(AccessPolicy policy, AccessType accessType, int scheduleId, DateTimeOffset now)
    {
        const string orLeaveItOut = "or leave AccessPolicyScheduleID out to have the best schedule chosen.";
        if (policy.FindSchedule(scheduleId) is not { } schedule)
        {
            var its = policy.Schedules.Count == 1 ? $"its schedule is {policy.Schedules[0].ScheduleId}" : $"its schedules are {Ids(policy.Schedules)}";
            return Fail($"AccessPolicyScheduleID {scheduleId} is not a schedule of the access policy '{policy.Name}' that applies to this account; {its} (GET AccessPolicies lists them), {orLeaveItOut}");
        }
        if (!schedule.AccessTypes.TryGetValue(accessType, out var rule))
        {
            var allowing = policy.Schedules.Where(s => s.AccessTypes.ContainsKey(accessType)).ToList();
            var instead = allowing.Count == 0
                ? $"No schedule of the policy allows {accessType}: ask for {string.Join(", ", policy.AllowedAccessTypes)}."
                : $"Schedules allowing {accessType}: {Described(allowing)}; name one of them, {orLeaveItOut}";
            return Fail($"Schedule {scheduleId} of the access policy '{policy.Name}' does not allow {accessType} access; it allows {string.Join(", ", schedule.AccessTypes.Keys.Order())}. {instead}");
        }
        if (!schedule.Window.IsOpenAt(now))
        {
            var active = policy.Schedules.Where(s => s.Window.IsOpenAt(now)).ToList();
            var activeNow = active.Count == 0 ? "none of the policy's schedules is active now" : $"active now: {Ids(active)}";
            return Fail($"Schedule {scheduleId} of the access policy '{policy.Name}' is not active now ({Moment(now)}): it is active {schedule.Window}; {activeNow}. Request again within its window, name an active schedule, {orLeaveItOut}");
        }
        return LedgerOutcome<(AccessPolicySchedule, AccessTypeRule)>.Ok((schedule, rule));
    }

    private static LedgerOutcome<(AccessPolicySchedule, AccessTypeRule)> Best(AccessPolicy policy, AccessType accessType, DateTimeOffset now)
    {
        var allowing = policy.Schedules.Where(s => s.AccessTypes.ContainsKey(accessType)).ToList();
        if (allowing.Count == 0)
            return Fail($"The access policy '{policy.Name}' does not allow {accessType} access to this account; allowed: {string.Join(", ", policy.AllowedAccessTypes)}.");
        var best = allowing.Where(s => s.Window.IsOpenAt(now))
            .OrderBy(s => s.AccessTypes[accessType].MinApprovers)
            .ThenBy(s => s.ScheduleId)
            .FirstOrDefault();
        if (best is null)
            return Fail($"The access policy '{policy.Name}' allows {accessType} access to this account only under schedules that are not active now ({Moment(now)}): {Described(allowing)}. Request again within one of those windows.");
        return LedgerOutcome<(AccessPolicySchedule, AccessTypeRule)>.Ok((best, best.AccessTypes[accessType]));
    }

    private static LedgerOutcome<(AccessPolicySchedule, AccessTypeRule)> Fail(string reason) =>
        LedgerOutcome<(AccessPolicySchedule, AccessTypeRule)>.Fail(400, reason);

    private static string Ids(IEnumerable<AccessPolicySchedule> schedules) => string.Join(", ", schedules.Select(s => s.ScheduleId));

    private static string Described(IEnumerable<AccessPolicySchedule> schedules) =>
        string.Join("; ", schedules.Select(s => $"{s.ScheduleId} ({s.Window})"));

    private static string Moment(DateTimeOffset now) =>
        $"{now.UtcDateTime.DayOfWeek} {ScheduleWindow.Clock(now.UtcDateTime.TimeOfDay)} UTC";
}
