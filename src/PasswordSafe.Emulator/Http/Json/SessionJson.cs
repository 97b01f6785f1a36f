using System;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>
/// A session as GET Sessions and GET Sessions/{id} return it (api-v3 §5.1). Status and Protocol are the server's
/// numbers (Protocol 0 RDP, also for application sessions, 1 SSH); ManagedSystemID is null as documented; NodeID is the
/// local node's; nothing is recorded, so RecordKey and Token are null and ArchiveStatus 0 [I]. Dates are UTC ISO-8601.
/// An admin session has no managed account: ManagedAccountID and ManagedAccountName are null and AssetName is its host [I].
/// </summary>
internal sealed record SessionJson(
    int SessionID, int UserID, string NodeID, int Status, int ArchiveStatus, int Protocol, DateTime StartTime, DateTime? EndTime,
    int Duration, string AssetName, int? ManagedSystemID, int? ManagedAccountID, string? ManagedAccountName, string? RecordKey,
    string? Token, int? ApplicationID, int? RequestID, string SessionType)
{
    /// <summary>The emulator's one session node (it has no Remote Session Proxy).</summary>
    internal const string LocalNodeId = "00000000-0000-0000-0000-000000000001";

    internal static SessionJson From(AccessSessionRecord session) => new(
        session.SessionId, session.UserId, LocalNodeId, (int)session.Status, 0, session.Protocol == AccessType.SSH ? 1 : 0,
        session.StartTime.UtcDateTime, session.EndTime?.UtcDateTime,
        session.EndTime is { } end ? (int)Math.Max(0, (end - session.StartTime).TotalSeconds) : 0,
        session.AssetName, null, session.AccountId, session.Account?.AccountName, null, null, null,
        session.RequestId, session.SessionType);
}
