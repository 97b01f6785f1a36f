using System;

namespace PasswordSafe;

/// <summary>
/// A smart rule or quick rule (api-v3 §6.4; both have this shape). <c>SmartRuleId</c> binds to
/// Grant-PSUserGroupRole, so a new quick rule pipes straight into the role grant (spec E5).
/// </summary>
public sealed class SmartRule
{
    public int SmartRuleId { get; internal set; }

    public string? Title { get; internal set; }

    public string? Description { get; internal set; }

    public string? Category { get; internal set; }

    public string? Status { get; internal set; }

    public string? RuleType { get; internal set; }

    public bool IsReadOnly { get; internal set; }

    public DateTimeOffset? LastProcessedDate { get; internal set; }

    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => Title ?? string.Empty;
}
