namespace PasswordSafe.Emulator;

/// <summary>A POST Requests body checked against the account, the caller's role and the access policy: all that creating the request needs.</summary>
internal sealed record PlannedRequest(ManagedAccount Account, AccessPolicy Policy, AccessTypeRule Rule, AccessType AccessType, int DurationMinutes, NewRequestBody Body);
