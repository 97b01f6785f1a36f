using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>
/// An access policy in a seed. Either flat, the policy carrying its one schedule's keys itself (the inherited ones;
/// the form every older seed uses), or with a <see cref="Schedules"/> list; never both.
/// </summary>
public sealed class SeedAccessPolicy : SeedAccessSchedule
{
    public int AccessPolicyID { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<SeedAccessSchedule>? Schedules { get; set; }

    /// <summary>Any schedule key written on the policy itself (the flat form).</summary>
    internal bool HasFlatSchedule =>
        ScheduleID is not null || RequireReason is not null || RequireTicketSystem is not null || TicketSystemID is not null
        || Days is not null || StartTime is not null || EndTime is not null || AccessTypes is not null;
}
