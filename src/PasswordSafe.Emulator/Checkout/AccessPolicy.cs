using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>
/// An access policy (api-v3 §6.4) with one schedule: which access types may be requested, how many approvers each
/// needs, and whether a request must give a reason or a ticket.
/// </summary>
public sealed class AccessPolicy
{
    internal AccessPolicy(int id, string name, IReadOnlyDictionary<AccessType, AccessTypeRule> accessTypes)
    {
        AccessPolicyId = id;
        Name = name;
        AccessTypes = accessTypes;
    }

    public int AccessPolicyId { get; }
    public string Name { get; }
    public string? Description { get; internal init; }
    public bool RequireReason { get; internal init; }

    /// <summary>The id of the policy's one schedule (AccessPolicyScheduleID in POST Requests); the policy id unless seeded.</summary>
    public int ScheduleId { get => _scheduleId ?? AccessPolicyId; internal init => _scheduleId = value; }

    /// <summary>Requests under this policy must carry a TicketNumber (of ticket system <see cref="TicketSystemId"/>).</summary>
    public bool RequireTicketSystem { get; internal init; }

    /// <summary>The ticket system of the schedule; a request that names none uses it.</summary>
    public int? TicketSystemId { get; internal init; }

    private readonly int? _scheduleId;
    public IReadOnlyDictionary<AccessType, AccessTypeRule> AccessTypes { get; }

    /// <summary>
    /// Orders policies from most to least permissive (more access types first, then fewer approvers): when several
    /// grants cover one account, the most permissive policy applies.
    /// </summary>
    internal (int, int) PermissivenessKey
    {
        get
        {
            var approvers = 0;
            foreach (var rule in AccessTypes.Values) approvers += rule.MinApprovers;
            return (-AccessTypes.Count, approvers);
        }
    }
}
