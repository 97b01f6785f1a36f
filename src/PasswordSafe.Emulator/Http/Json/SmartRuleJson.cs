using System;
using System.Collections.Generic;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>A smart rule as GET SmartRules returns it (api-v3 §6.4); Status 0 = processed [I].</summary>
internal sealed record SmartRuleJson(int SmartRuleID, IReadOnlyList<string> OrganizationIDs, string Title, string? Description,
    string Category, int Status, DateTimeOffset? LastProcessedDate, bool IsReadOnly, string RuleType)
{
    internal static SmartRuleJson From(SmartRule rule) => new(rule.SmartRuleId, [EmulatorState.OrganizationId], rule.Title,
        rule.Description, rule.Category, 0, rule.LastProcessedDate, false, rule.RuleType);
}
