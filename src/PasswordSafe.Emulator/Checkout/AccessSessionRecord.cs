using System;

namespace PasswordSafe.Emulator;

/// <summary>A session the emulator handed a ticket or file for (E2, E4). RequestId is null for ISA sessions.</summary>
public sealed record AccessSessionRecord(string SessionId, int? RequestId, int AccountId, string UserName, string SessionType,
    DateTimeOffset CreatedAt);
