namespace PasswordSafe.Emulator;

/// <summary>Who makes a checkout call: the session's user, the registration it signed in with, and its address (for the audit).</summary>
internal sealed record Caller(EmulatorUser User, int? RegistrationId, string? SourceAddress);
