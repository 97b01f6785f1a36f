using System;
using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>
/// A smart rule: a named set of managed accounts that user groups get roles on. Quick rules (api-v3 §6.4) are smart
/// rules of RuleType "QuickRule" that list their accounts; seeded rules may also take every account of some systems,
/// including accounts added to those systems later.
/// </summary>
public sealed class SmartRule
{
    internal const string ManagedAccountRuleType = "ManagedAccount";
    internal const string QuickRuleType = "QuickRule";

    internal SmartRule(int id, string title, IReadOnlyList<int> accountIds)
    {
        SmartRuleId = id;
        Title = title;
        AccountIds = accountIds;
    }

    public int SmartRuleId { get; }
    public string Title { get; }
    /// <summary>Accounts named one by one; replaced whole when an account is deleted.</summary>
    public IReadOnlyList<int> AccountIds { get; internal set; }
    /// <summary>Every account of these systems belongs to the rule too.</summary>
    public IReadOnlyList<int> ManagedSystemIds { get; internal init; } = [];
    public string? Description { get; internal init; }
    public string Category { get; internal init; } = "Managed Accounts";
    public string RuleType { get; internal init; } = ManagedAccountRuleType;
    public DateTimeOffset? LastProcessedDate { get; internal init; }
    public bool IsQuickRule => RuleType == QuickRuleType;
}
