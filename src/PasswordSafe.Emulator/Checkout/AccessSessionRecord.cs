using System;

namespace PasswordSafe.Emulator;

/// <summary>
/// A session the emulator handed a ticket or file for (E2, E4), as GET Sessions lists it. RequestId is null for ISA
/// sessions. There is no session proxy, so a session stays NotStarted until it is locked, terminated, or its request
/// ends (then Completed).
/// </summary>
public sealed class AccessSessionRecord
{
    internal AccessSessionRecord(int sessionId, int? requestId, ManagedAccount account, EmulatorUser user, string sessionType,
        AccessType protocol, DateTimeOffset createdAt)
    {
        SessionId = sessionId;
        RequestId = requestId;
        Account = account;
        UserId = user.UserId;
        UserName = user.UserName;
        SessionType = sessionType;
        Protocol = protocol;
        CreatedAt = createdAt;
    }

    public int SessionId { get; }
    public int? RequestId { get; }
    public ManagedAccount Account { get; }
    public int AccountId => Account.ManagedAccountId;
    public int UserId { get; }
    public string UserName { get; }
    public string SessionType { get; }
    public AccessType Protocol { get; }
    public DateTimeOffset CreatedAt { get; }
    public SessionStatus Status { get; internal set; } = SessionStatus.NotStarted;
    public DateTimeOffset? EndTime { get; internal set; }

    /// <summary>Still open: not completed, terminated, logged off or disconnected (a locked session is still open).</summary>
    public bool IsOpen => Status is SessionStatus.NotStarted or SessionStatus.InProgress or SessionStatus.Locked;
}
