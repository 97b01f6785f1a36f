using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>An access policy (api-v3 §6.4, one schedule): which access types may be requested and how many approvers each needs.</summary>
public sealed class AccessPolicy
{
    internal AccessPolicy(int id, string name, IReadOnlyDictionary<AccessType, AccessTypeRule> accessTypes)
    {
        AccessPolicyId = id;
        Name = name;
        AccessTypes = accessTypes;
    }

    public int AccessPolicyId { get; }
    public string Name { get; }
    public string? Description { get; internal init; }
    public bool RequireReason { get; internal init; }
    public IReadOnlyDictionary<AccessType, AccessTypeRule> AccessTypes { get; }

    /// <summary>
    /// Orders policies from most to least permissive (more access types first, then fewer approvers): when several
    /// grants cover one account, the most permissive policy applies.
    /// </summary>
    internal (int, int) PermissivenessKey
    {
        get
        {
            var approvers = 0;
            foreach (var rule in AccessTypes.Values) approvers += rule.MinApprovers;
            return (-AccessTypes.Count, approvers);
        }
    }
}
