using System;

namespace PasswordSafe.Emulator;

/// <summary>D2: what the administrator is told when a factor fails.</summary>
public sealed record AdminNotification(DateTimeOffset Time, string Subject, string Message);
