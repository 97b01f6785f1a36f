using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>A smart rule a group has roles on (GET UserGroups/{id}/SmartRules) [I shape]: the rule plus the group's roles and policy.</summary>
internal sealed record GroupSmartRuleJson(int SmartRuleID, string Title, string Category, string RuleType,
    IReadOnlyList<Role> Roles, int? AccessPolicyID)
{
    internal static GroupSmartRuleJson From(SmartRule rule, SmartRuleGrant grant) => new(rule.SmartRuleId, rule.Title,
        rule.Category, rule.RuleType, Role.Of(grant.Roles).ToList(), grant.AccessPolicyId);
}
