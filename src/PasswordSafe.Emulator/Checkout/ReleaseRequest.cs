using System;
using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>
/// A release request (§3). Changed only by <see cref="RequestLedger"/> under its lock; readers see a request that may
/// move on (Pending → Active → CheckedIn/Expired…) but never a half-made change of one field.
/// </summary>
public sealed class ReleaseRequest
{
    internal ReleaseRequest(int requestId, EmulatorUser requestor, ManagedAccount account, AccessType accessType,
        int durationMinutes, DateTimeOffset requestedAt)
    {
        RequestId = requestId;
        Requestor = requestor;
        Account = account;
        AccessType = accessType;
        DurationMinutes = durationMinutes;
        RequestReleaseDate = requestedAt;
    }

    public int RequestId { get; }
    public EmulatorUser Requestor { get; }
    public ManagedAccount Account { get; }
    public AccessType AccessType { get; }
    public int DurationMinutes { get; }
    public DateTimeOffset RequestReleaseDate { get; }
    public int? ApplicationId { get; internal init; }
    public string? Reason { get; internal init; }
    public int? TicketSystemId { get; internal init; }
    public string? TicketNumber { get; internal init; }
    public int? AccessPolicyScheduleId { get; internal init; }
    public int AccessPolicyId { get; internal init; }
    public int RequiredApprovals { get; internal init; }
    /// <summary>The request set it was created in (POST RequestSets), or null.</summary>
    public int? RequestSetId { get; internal init; }
    /// <summary>The alias it was requested through (POST Aliases/{id}/Requests), or null; GET Requests shows it as AliasID.</summary>
    public int? AliasId { get; internal init; }
    public RequestStatus Status { get; internal set; }
    public bool RotateOnCheckin { get; internal set; }
    public DateTimeOffset? ApprovedDate { get; internal set; }
    /// <summary>ApprovedDate + DurationMinutes once active; null while pending.</summary>
    public DateTimeOffset? ExpiresDate { get; internal set; }
    /// <summary>When it stopped being open (check-in, deny, cancel, expiry).</summary>
    public DateTimeOffset? ClosedDate { get; internal set; }
    public string? ClosedBy { get; internal set; }
    public bool IsOpen => Status is RequestStatus.Pending or RequestStatus.Active;

    internal HashSet<int> ApproverIds { get; } = new();
}
