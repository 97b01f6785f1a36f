namespace PasswordSafe.Emulator;

/// <summary>One access type of a seeded access policy (api-v3 §6.4 names); MinApprovers 0 = auto-approved.</summary>
public sealed class SeedAccessTypeRule
{
    public AccessType AccessType { get; set; } = AccessType.View;
    public int MinApprovers { get; set; }
    public bool IsSession { get; set; }
    public bool RecordSession { get; set; }
}
