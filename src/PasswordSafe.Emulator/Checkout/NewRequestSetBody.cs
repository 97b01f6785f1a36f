using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>The fields of POST RequestSets (api-v3 §3.4) as sent; each access type becomes a POST Requests body for the ledger's checks.</summary>
internal sealed record NewRequestSetBody
{
    internal IReadOnlyList<string?>? AccessTypes { get; init; }
    internal int? SystemId { get; init; }
    internal int? AccountId { get; init; }
    internal int? ApplicationId { get; init; }
    internal int? DurationMinutes { get; init; }
    internal string? Reason { get; init; }
    internal int? TicketSystemId { get; init; }
    internal string? TicketNumber { get; init; }

    /// <summary>The request of one access type of the set, with the set's other fields.</summary>
    internal NewRequestBody ForAccessType(string? accessType) => new()
    {
        SystemId = SystemId,
        AccountId = AccountId,
        DurationMinutes = DurationMinutes,
        AccessType = accessType,
        ApplicationId = ApplicationId,
        Reason = Reason,
        TicketSystemId = TicketSystemId,
        TicketNumber = TicketNumber,
    };
}
