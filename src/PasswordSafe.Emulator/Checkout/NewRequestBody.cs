namespace PasswordSafe.Emulator;

/// <summary>The fields of POST Requests (api-v3 §3.2) as sent; the ledger validates them. Text stays raw so errors can name it.</summary>
internal sealed record NewRequestBody
{
    internal int? SystemId { get; init; }
    internal int? AccountId { get; init; }
    internal int? DurationMinutes { get; init; }
    internal string? AccessType { get; init; }
    internal int? ApplicationId { get; init; }
    internal string? Reason { get; init; }
    internal int? AccessPolicyScheduleId { get; init; }
    internal string? ConflictOption { get; init; }
    internal int? TicketSystemId { get; init; }
    internal string? TicketNumber { get; init; }
    internal bool? RotateOnCheckin { get; init; }
    /// <summary>Set by POST Aliases/{id}/Requests, never read from a body: the ids above are then the alias's preferred account.</summary>
    internal int? AliasId { get; init; }
}
