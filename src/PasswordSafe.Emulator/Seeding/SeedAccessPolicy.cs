using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>An access policy in a seed: which access types may be requested, and how many approvers each needs.</summary>
public sealed class SeedAccessPolicy
{
    public int AccessPolicyID { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public bool RequireReason { get; set; }
    public List<SeedAccessTypeRule> AccessTypes { get; set; } = new();
}
