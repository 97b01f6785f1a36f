using System;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>A quick rule as GET QuickRules returns it (api-v3 §6.4: OrganizationID singular, unlike smart rules).</summary>
internal sealed record QuickRuleJson(int SmartRuleID, string OrganizationID, string Title, string? Description,
    string Category, int Status, DateTimeOffset? LastProcessedDate, bool IsReadOnly, string RuleType)
{
    internal static QuickRuleJson From(SmartRule rule) => new(rule.SmartRuleId, EmulatorState.OrganizationId, rule.Title,
        rule.Description, rule.Category, 0, rule.LastProcessedDate, false, rule.RuleType);
}
