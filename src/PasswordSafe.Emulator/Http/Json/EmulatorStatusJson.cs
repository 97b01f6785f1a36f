using System;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>GET /emulator/status: what a test or an admin wants to see at a glance.</summary>
internal sealed record EmulatorStatusJson(string Status, string Version, int Port, string? CertificateThumbprint,
    DateTimeOffset StartedAt, DateTimeOffset Now, DateTimeOffset? LastResetAt,
    int ActiveSessionCount, int UserCount, int UserGroupCount, int ApiRegistrationCount, int AuditEntryCount,
    int AdminNotificationCount, int ManagedAccountCount, int ActiveRequestCount);
