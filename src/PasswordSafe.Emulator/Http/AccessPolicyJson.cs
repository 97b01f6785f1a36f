using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// GET AccessPolicies' shape (api-v3 §6.4): each policy with every schedule and its access types. The window keys
/// Days (day names; null: every day), StartTime and EndTime ("HH:mm" UTC; null: all day) are the emulator's own [I]:
/// the reference lists no window fields.
/// </summary>
internal static class AccessPolicyJson
{
    internal static IEnumerable<object> Of(IEnumerable<AccessPolicy> policies) => policies.Select(policy => new
    {
        AccessPolicyID = policy.AccessPolicyId,
        policy.Name,
        policy.Description,
        Schedules = policy.Schedules.Select(schedule => new
        {
            ScheduleID = schedule.ScheduleId,
            schedule.RequireReason,
            schedule.RequireTicketSystem,
            TicketSystemID = schedule.TicketSystemId,
            Days = schedule.Window.Days.Count == 0 ? null : schedule.Window.Days.Select(day => day.ToString()).ToList(),
            StartTime = schedule.Window.Start is { } start ? ScheduleWindow.Clock(start) : null,
            EndTime = schedule.Window.End is { } end ? ScheduleWindow.Clock(end) : null,
            AccessTypes = schedule.AccessTypes.Values.OrderBy(rule => rule.AccessType).Select(rule => new
            {
                rule.AccessType,
                rule.IsSession,
                rule.RecordSession,
                rule.MinApprovers,
                rule.MaxConcurrent,
            }),
        }),
    });
}
