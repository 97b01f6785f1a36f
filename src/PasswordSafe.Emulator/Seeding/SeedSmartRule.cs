using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>A smart rule in a seed: the listed accounts plus every account of the listed systems.</summary>
public sealed class SeedSmartRule
{
    public int SmartRuleID { get; set; }
    public string? Title { get; set; }
    public List<int> ManagedAccountIDs { get; set; } = new();
    public List<int> ManagedSystemIDs { get; set; } = new();
}
