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

    /// <summary>
    /// Adds a rule; throws ArgumentException for a rule that could never match (a method the API does not answer, a path
    /// with a query or a URL; a leading slash or the API base is taken off the path) or whose StatusCode is not 400–599.
    /// </summary>
    public void Add(CallRefusal refusal)
    {
        var method = ControlRuleCall.Method(refusal.Method, "refusal");
        var path = ControlRuleCall.Path(refusal.Path, "refusal", "Aliases");
        if (refusal.StatusCode is < 400 or > 599)
            throw new ArgumentException($"A refusal's StatusCode must be from 400 to 599 (a refusal), not {refusal.StatusCode}.");
        lock (_gate) _refusals.Add(refusal with { Method = method, Path = path });
    }

    /// <summary>Whether any rule is in force: asked on every API call, so it copies nothing (unlike <see cref="All"/>).</summary>
    public bool IsEmpty { get { lock (_gate) return _refusals.Count == 0; } }

    public void Clear() { lock (_gate) _refusals.Clear(); }

    /// <summary>The first rule for this call by this user, or null.</summary>
    internal CallRefusal? Find(string method, string path, EmulatorUser user)
    {
        lock (_gate)
        {
            return _refusals.FirstOrDefault(r => ControlRuleCall.Matches(r.Method, r.Path, r.UserName, method, path, user));
        }
    }
}
