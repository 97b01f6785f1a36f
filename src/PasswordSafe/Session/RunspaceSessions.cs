using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Session;

/// <summary>The sessions one runspace opened, and its default. Locked because a runspace's sessions can be read from other threads.</summary>
internal sealed class RunspaceSessions
{
    private readonly object _gate = new object();
    private readonly List<PasswordSafeSession> _sessions = new List<PasswordSafeSession>();
    private PasswordSafeSession? _default;

    public PasswordSafeSession? Default
    {
        get { lock (_gate) { return _default; } }
    }

    public IReadOnlyList<PasswordSafeSession> All
    {
        get { lock (_gate) { return _sessions.ToArray(); } }
    }

    public void Add(PasswordSafeSession session, bool makeDefault)
    {
        lock (_gate)
        {
            if (!_sessions.Contains(session))
            {
                _sessions.Add(session);
            }

            if (makeDefault)
            {
                _default = session;
            }
        }
    }

    public void Remove(PasswordSafeSession session)
    {
        lock (_gate)
        {
            _sessions.Remove(session);
            if (ReferenceEquals(_default, session))
            {
                _default = null;
            }
        }
    }

    /// <summary>Forgets every session and returns them (module removal signs them out).</summary>
    public IReadOnlyList<PasswordSafeSession> RemoveAll()
    {
        lock (_gate)
        {
            var all = _sessions.ToList();
            _sessions.Clear();
            _default = null;
            return all;
        }
    }
}
