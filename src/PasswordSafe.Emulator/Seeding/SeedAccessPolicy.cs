using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>An access policy in a seed: which access types may be requested, and how many approvers each needs.</summary>
public sealed class SeedAccessPolicy
{
    public int AccessPolicyID { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public bool RequireReason { get; set; }
    /// <summary>The id of the policy's schedule; defaults to AccessPolicyID.</summary>
    public int? ScheduleID { get; set; }
    public bool RequireTicketSystem { get; set; }
    public int? TicketSystemID { get; set; }
    public List<SeedAccessTypeRule> AccessTypes { get; set; } = new();
}
