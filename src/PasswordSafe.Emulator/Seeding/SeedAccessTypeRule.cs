namespace PasswordSafe.Emulator;

/// <summary>
/// One access type of a seeded schedule (api-v3 §6.4 names); MinApprovers 0 = auto-approved, MaxConcurrent 0 = no
/// limit on open requests of this type per account under the schedule.
/// </summary>
public sealed class SeedAccessTypeRule
{
    public AccessType AccessType { get; set; } = AccessType.View;
    public int MinApprovers { get; set; }
    public bool IsSession { get; set; }
    public bool RecordSession { get; set; }
    public int MaxConcurrent { get; set; }
}
