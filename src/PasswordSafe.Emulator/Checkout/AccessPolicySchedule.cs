using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>
/// One schedule of an access policy (api-v3 §6.4): while its window is open, which access types may be requested,
/// how many approvers and concurrent requests each allows, and whether a request must give a reason or a ticket.
/// <see cref="ScheduleId"/> is what POST Requests' AccessPolicyScheduleID names.
/// </summary>
public sealed class AccessPolicySchedule
{
    internal AccessPolicySchedule(int scheduleId, IReadOnlyDictionary<AccessType, AccessTypeRule> accessTypes, ScheduleWindow window)
    {
        ScheduleId = scheduleId;
        AccessTypes = accessTypes;
        Window = window;
    }

    public int ScheduleId { get; }
    public bool RequireReason { get; internal init; }

    /// <summary>Requests under this schedule must carry a TicketNumber (of ticket system <see cref="TicketSystemId"/>).</summary>
    public bool RequireTicketSystem { get; internal init; }

    /// <summary>The ticket system of the schedule; a request that names none uses it.</summary>
    public int? TicketSystemId { get; internal init; }

    public ScheduleWindow Window { get; }
    public IReadOnlyDictionary<AccessType, AccessTypeRule> AccessTypes { get; }
}
