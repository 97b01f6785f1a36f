using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>The <see cref="LateAnswer"/> rules in force (thread-safe), set by tests or <c>/emulator/late-answers</c>.</summary>
public sealed class LateAnswerList
{
    private readonly object _gate = new();
    private readonly List<LateAnswer> _rules = new();

    public IReadOnlyList<LateAnswer> All { get { lock (_gate) return _rules.ToList(); } }

    /// <summary>
    /// Adds a rule; throws ArgumentException for a rule that could never match (as <see cref="CallRefusalList.Add"/>) or a
    /// delay outside 1–60,000 ms.
    /// </summary>
    public void Add(LateAnswer rule)
    {
        var method = ControlRuleCall.Method(rule.Method, "late answer");
        var path = ControlRuleCall.Path(rule.Path, "late answer", "Requests");
        if (rule.DelayMilliseconds is < 1 or > EmulatorSettings.MaxResponseDelayMilliseconds)
            throw new ArgumentException($"A late answer's DelayMilliseconds must be from 1 to {EmulatorSettings.MaxResponseDelayMilliseconds}.");
        lock (_gate) _rules.Add(rule with { Method = method, Path = path });
    }

    /// <summary>Whether any rule is in force: asked on every API call, so it copies nothing (unlike <see cref="All"/>).</summary>
    public bool IsEmpty { get { lock (_gate) return _rules.Count == 0; } }

    public void Clear() { lock (_gate) _rules.Clear(); }

    /// <summary>The first rule for this call by this user, or null.</summary>
    internal LateAnswer? Find(string method, string path, EmulatorUser? user)
    {
        lock (_gate)
        {
            return _rules.FirstOrDefault(r => ControlRuleCall.Matches(r.Method, r.Path, r.UserName, method, path, user));
        }
    }
}
