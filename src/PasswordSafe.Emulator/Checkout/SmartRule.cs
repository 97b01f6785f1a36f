using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>A smart rule: a named set of managed accounts that user groups get roles on.</summary>
public sealed class SmartRule
{
    internal SmartRule(int id, string title, IReadOnlyList<int> accountIds)
    {
        SmartRuleId = id;
        Title = title;
        AccountIds = accountIds;
    }

    public int SmartRuleId { get; }
    public string Title { get; }
    public IReadOnlyList<int> AccountIds { get; }

    /// <summary>The same accounts as catalog positions, resolved once so building a user's view needs no lookups.</summary>
    internal int[] AccountIndexes { get; set; } = [];
}
