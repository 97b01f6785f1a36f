using System;

namespace PasswordSafe.Emulator;

/// <summary>
/// One user-audit record (A6, D2). Reason explains failures; it never holds a secret. <see cref="Actor"/> is
/// <see cref="SystemActor"/> when the server acted on its own — a request expiring, a password rotated at expiry, a queued
/// change running — and <see cref="UserName"/> is then the user it was for (the requestor, who queued the change), so a
/// filter by user shows it; null when the user named acted.
/// </summary>
public sealed record AuditEntry(DateTimeOffset Time, string Kind, string? UserName, int? RegistrationId,
    string? SourceAddress, string? Reason, string? Actor = null)
{
    /// <summary>The <see cref="Actor"/> of entries the server made on its own.</summary>
    public const string SystemActor = "System";
}
