using System;

namespace PasswordSafe.Emulator;

/// <summary>One user-audit record (A6, D2). Reason explains failures; it never holds a secret.</summary>
public sealed record AuditEntry(DateTimeOffset Time, string Kind, string? UserName, int? RegistrationId,
    string? SourceAddress, string? Reason);
