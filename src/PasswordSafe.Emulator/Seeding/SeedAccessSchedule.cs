using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>
/// One schedule of a seeded access policy (api-v3 §6.4 names): when it is active, and what requests under it may ask
/// for and must give. Nullable so the builder can tell a key left out from a default written out.
/// </summary>
public class SeedAccessSchedule
{
    /// <summary>Required in a Schedules list; in the flat form it defaults to the AccessPolicyID.</summary>
    public int? ScheduleID { get; set; }
    public bool? RequireReason { get; set; }
    public bool? RequireTicketSystem { get; set; }
    public int? TicketSystemID { get; set; }
    /// <summary>Day names ("Monday" … "Sunday") the window opens on; absent: every day.</summary>
    public List<string>? Days { get; set; }
    /// <summary>"HH:mm" UTC; with EndTime, or neither (all day). An EndTime before the StartTime ends the next day.</summary>
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public List<SeedAccessTypeRule>? AccessTypes { get; set; }
}
