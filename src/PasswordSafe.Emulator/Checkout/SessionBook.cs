using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// The sessions handed out (api-v3 §5.1) and their status: listed by GET Sessions, locked and terminated by their POSTs,
/// completed when their request ends. Its own lock; the ledger adds sessions and ends a request's sessions through it.
/// </summary>
internal sealed class SessionBook
{
    private readonly object _gate = new();
    private readonly List<AccessSessionRecord> _sessions = new();
    private int _nextSessionId = 1;

    internal AccessSessionRecord Add(int? requestId, ManagedAccount account, EmulatorUser user, SessionKind kind, DateTimeOffset now)
    {
        lock (_gate)
        {
            var session = new AccessSessionRecord(_nextSessionId++, requestId, account, user, kind.SessionType, kind.Protocol, now);
            _sessions.Add(session);
            return session;
        }
    }

    /// <summary>An admin session (POST Sessions/Admin): no account and no request; it ends only by Lock/Terminate.</summary>
    internal AccessSessionRecord AddAdmin(AdminSessionTarget target, EmulatorUser user, SessionKind kind, DateTimeOffset now)
    {
        lock (_gate)
        {
            var session = new AccessSessionRecord(_nextSessionId++, target, user, kind.SessionType, kind.Protocol, now);
            _sessions.Add(session);
            return session;
        }
    }

    internal IReadOnlyList<AccessSessionRecord> All()
    {
        lock (_gate) return _sessions.ToList();
    }

    internal AccessSessionRecord? Find(int sessionId)
    {
        lock (_gate) return _sessions.FirstOrDefault(s => s.SessionId == sessionId);
    }

    /// <summary>A request that ends (check-in, expiry, denial, renewal) ends its open sessions [I].</summary>
    internal void EndForRequest(int requestId, DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach (var session in _sessions.Where(s => s.RequestId == requestId && s.IsOpen)) End(session, SessionStatus.Completed, now);
        }
    }

    /// <summary>Locks an open session; one locked already stays as it is [I]; an ended one cannot be locked.</summary>
    internal SessionChange Lock(AccessSessionRecord session)
    {
        lock (_gate)
        {
            if (!session.IsOpen) return SessionChange.Ended;
            if (session.Status == SessionStatus.Locked) return SessionChange.AlreadyDone;
            session.Status = SessionStatus.Locked;
            return SessionChange.Changed;
        }
    }

    /// <summary>Terminates an open session (it then reads Completed [I]); false when it has already ended.</summary>
    internal bool Terminate(AccessSessionRecord session, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!session.IsOpen) return false;
            End(session, SessionStatus.Completed, now);
            return true;
        }
    }

    /// <summary>
    /// The session's user connects with its ticket: NotStarted → InProgress from <paramref name="now"/>. There is no session
    /// proxy, so this is simulated through the control endpoint (POST /emulator/sessions/{id}/connect) for runbooks that
    /// watch live sessions. False when the session is not waiting for its user.
    /// </summary>
    internal bool Connect(AccessSessionRecord session, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (session.Status != SessionStatus.NotStarted) return false;
            session.Status = SessionStatus.InProgress;
            session.ConnectedAt = now;
            return true;
        }
    }

    /// <summary>The user logs off a session in progress: LoggedOff with its end time (simulated like <see cref="Connect"/>).</summary>
    internal bool LogOff(AccessSessionRecord session, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (session.Status != SessionStatus.InProgress) return false;
            End(session, SessionStatus.LoggedOff, now);
            return true;
        }
    }

    /// <summary>
    /// Locks every open session that <paramref name="matches"/> and is not locked yet (ManagedAccounts|ManagedSystems/{id}/
    /// Sessions/Lock): the single-session rule applied to each, except that ended and already locked sessions are
    /// skipped instead of refused, so repeating the call changes nothing. Returns the sessions it locked.
    /// </summary>
    internal IReadOnlyList<AccessSessionRecord> LockAll(Func<AccessSessionRecord, bool> matches)
    {
        lock (_gate)
        {
            var locked = _sessions.Where(s => s.IsOpen && s.Status != SessionStatus.Locked && matches(s)).ToList();
            foreach (var session in locked) session.Status = SessionStatus.Locked;
            return locked;
        }
    }

    /// <summary>Terminates every open session that <paramref name="matches"/> (as <see cref="Terminate"/> does one); ended ones are skipped.</summary>
    internal IReadOnlyList<AccessSessionRecord> TerminateAll(Func<AccessSessionRecord, bool> matches, DateTimeOffset now)
    {
        lock (_gate)
        {
            var ended = _sessions.Where(s => s.IsOpen && matches(s)).ToList();
            foreach (var session in ended) End(session, SessionStatus.Completed, now);
            return ended;
        }
    }

    private static void End(AccessSessionRecord session, SessionStatus status, DateTimeOffset now)
    {
        session.Status = status;
        session.EndTime = now;
    }
}
