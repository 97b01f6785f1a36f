namespace PasswordSafe.Emulator;

/// <summary>
/// A POST Requests body checked against the account, the caller's role, the access policy and the schedule chosen
/// for it: all that creating the request needs.
/// </summary>
internal sealed record PlannedRequest(ManagedAccount Account, AccessPolicy Policy, AccessPolicySchedule Schedule, AccessTypeRule Rule,
    AccessType AccessType, int DurationMinutes, NewRequestBody Body);
