namespace PasswordSafe.Emulator;

/// <summary>
/// One access type a schedule allows; MinApprovers 0 means auto-approved, MaxConcurrent 0 means no limit on the
/// requests of this type open at once on one account under the schedule.
/// </summary>
public sealed record AccessTypeRule(AccessType AccessType, int MinApprovers, bool IsSession, bool RecordSession, int MaxConcurrent = 0);
