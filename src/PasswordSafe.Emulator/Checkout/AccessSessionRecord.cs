using System;

namespace PasswordSafe.Emulator;

/// <summary>
/// A session the emulator handed a ticket or file for (E2, E4, admin sessions), as GET Sessions lists it. Its target is a
/// managed account (<see cref="Account"/>; RequestId is null for ISA sessions) or, for an admin session, a host with
/// supplied credentials (<see cref="AdminTarget"/>, no account and no request). There is no session proxy, so a session
/// stays NotStarted until it is locked, terminated, or its request ends (then Completed), unless the control endpoint
/// simulates its user connecting (InProgress) and logging off (LoggedOff).
/// </summary>
public sealed class AccessSessionRecord
{
    internal AccessSessionRecord(int sessionId, int? requestId, ManagedAccount account, EmulatorUser user, string sessionType,
        AccessType protocol, DateTimeOffset createdAt)
        : this(sessionId, requestId, account, null, user, sessionType, protocol, createdAt)
    {
    }

    internal AccessSessionRecord(int sessionId, AdminSessionTarget adminTarget, EmulatorUser user, string sessionType,
        AccessType protocol, DateTimeOffset createdAt)
        : this(sessionId, null, null, adminTarget, user, sessionType, protocol, createdAt)
    {
    }

    private AccessSessionRecord(int sessionId, int? requestId, ManagedAccount? account, AdminSessionTarget? adminTarget, EmulatorUser user,
        string sessionType, AccessType protocol, DateTimeOffset createdAt)
    {
        SessionId = sessionId;
        RequestId = requestId;
        Account = account;
        AdminTarget = adminTarget;
        UserId = user.UserId;
        UserName = user.SignInName;
        SessionType = sessionType;
        Protocol = protocol;
        CreatedAt = createdAt;
    }

    public int SessionId { get; }
    public int? RequestId { get; }

    /// <summary>The managed account the session logs on with; null for an admin session.</summary>
    public ManagedAccount? Account { get; }

    /// <summary>The host and supplied credentials of an admin session; null for a session to a managed account.</summary>
    public AdminSessionTarget? AdminTarget { get; }

    public bool IsAdminSession => AdminTarget != null;
    public int? AccountId => Account?.ManagedAccountId;
    public int? SystemId => Account?.System.ManagedSystemId;

    /// <summary>The host the session goes to: the managed system's name, or the admin session's host [I].</summary>
    public string AssetName => Account?.System.SystemName ?? AdminTarget!.HostName;

    /// <summary>For audit lines: <c>web01/Administrator</c>, or <c>host:port</c> of an admin session.</summary>
    public string TargetName => Account?.ToString() ?? AdminTarget!.ToString();

    public int UserId { get; }
    public string UserName { get; }
    public string SessionType { get; }
    public AccessType Protocol { get; }
    public DateTimeOffset CreatedAt { get; }
    public SessionStatus Status { get; internal set; } = SessionStatus.NotStarted;
    public DateTimeOffset? EndTime { get; internal set; }

    /// <summary>When its user connected (simulated); null while the session has not started.</summary>
    public DateTimeOffset? ConnectedAt { get; internal set; }

    /// <summary>GET Sessions' StartTime: when the user connected, or when the session was handed out if nobody has yet [I].</summary>
    public DateTimeOffset StartTime => ConnectedAt ?? CreatedAt;

    /// <summary>Still open: not completed, terminated, logged off or disconnected (a locked session is still open).</summary>
    public bool IsOpen => Status is SessionStatus.NotStarted or SessionStatus.InProgress or SessionStatus.Locked;
}
