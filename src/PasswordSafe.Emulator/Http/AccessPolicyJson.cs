using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// GET AccessPolicies' shape (api-v3 §6.4): each policy with its schedules (the emulator models one per policy) and
/// their access types. MaxConcurrent is always 0 (no limit): per-schedule concurrency is not modelled.
/// </summary>
internal static class AccessPolicyJson
{
    internal static IEnumerable<object> Of(IEnumerable<AccessPolicy> policies) => policies.Select(policy => new
    {
        AccessPolicyID = policy.AccessPolicyId,
        policy.Name,
        policy.Description,
        Schedules = new[]
        {
            new
            {
                ScheduleID = policy.ScheduleId,
                policy.RequireReason,
                policy.RequireTicketSystem,
                TicketSystemID = policy.TicketSystemId,
                AccessTypes = policy.AccessTypes.Values.OrderBy(rule => rule.AccessType).Select(rule => new
                {
                    rule.AccessType,
                    rule.IsSession,
                    rule.RecordSession,
                    rule.MinApprovers,
                    MaxConcurrent = 0,
                }),
            },
        },
    });
}
