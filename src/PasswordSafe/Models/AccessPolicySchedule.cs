using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe;

/// <summary>One schedule of an access policy: what a request in its window may ask for and must give.</summary>
public sealed class AccessPolicySchedule
{
    public int ScheduleId { get; internal set; }

    public bool RequireReason { get; internal set; }

    public bool RequireTicketSystem { get; internal set; }

    /// <summary>The ticket system whose ticket numbers requests give (the default one when the server names none).</summary>
    public int? TicketSystemId { get; internal set; }

    public AccessPolicyAccessType[] AccessTypes { get; internal set; } = new AccessPolicyAccessType[0];

    /// <summary>What New-PSRequest must give under this schedule, e.g. "Reason, TicketNumber (ticket system 2)"; "none".</summary>
    public string Requirements
    {
        get
        {
            var required = new List<string>();
            if (RequireReason)
            {
                required.Add("Reason");
            }

            if (RequireTicketSystem)
            {
                required.Add(TicketSystemId is int system ? $"TicketNumber (ticket system {system})" : "TicketNumber");
            }

            return required.Count == 0 ? "none" : string.Join(", ", required);
        }
    }

    public override string ToString() => $"{ScheduleId}: {string.Join(", ", AccessTypes.Select(a => a.ToString()))}";
}
