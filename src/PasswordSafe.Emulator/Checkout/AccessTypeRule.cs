namespace PasswordSafe.Emulator;

/// <summary>One access type an access policy allows; MinApprovers 0 means auto-approved.</summary>
public sealed record AccessTypeRule(AccessType AccessType, int MinApprovers, bool IsSession, bool RecordSession);
