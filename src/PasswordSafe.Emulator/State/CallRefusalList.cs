using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>The <see cref="CallRefusal"/> rules in force (thread-safe), set by tests or <c>/emulator/refusals</c>.</summary>
public sealed class CallRefusalList
{
    private readonly object _gate = new();
    private readonly List<CallRefusal> _refusals = new();

    public IReadOnlyList<CallRefusal> All { get { lock (_gate) return _refusals.ToList(); } }

    /// <summary>Adds a rule; throws ArgumentException for a rule that names no call or no refusal status (400–599).</summary>
    public void Add(CallRefusal refusal)
    {
        if (string.IsNullOrWhiteSpace(refusal.Method) || string.IsNullOrWhiteSpace(refusal.Path))
            throw new ArgumentException("A refusal needs the Method and the Path (under the API base, e.g. \"Aliases\") of the call it answers.");
        if (refusal.StatusCode is < 400 or > 599)
            throw new ArgumentException("A refusal's StatusCode must be between 400 and 599.");
        lock (_gate) _refusals.Add(refusal with { Path = refusal.Path.Trim('/') });
    }

    /// <summary>Whether any rule is in force: asked on every API call, so it copies nothing (unlike <see cref="All"/>).</summary>
    public bool IsEmpty { get { lock (_gate) return _refusals.Count == 0; } }

    public void Clear() { lock (_gate) _refusals.Clear(); }

    /// <summary>The first rule for this call by this user, or null.</summary>
    internal CallRefusal? Find(string method, string path, EmulatorUser user)
    {
        lock (_gate)
        {
            return _refusals.FirstOrDefault(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)
                                                 && string.Equals(r.Path, path.Trim('/'), StringComparison.OrdinalIgnoreCase)
                                                 && (r.UserName is null || user.IsNamed(r.UserName)));
        }
    }
}
