namespace PasswordSafe.Emulator;

/// <summary>A user group's roles on a smart rule, and the access policy its requests follow (seed <c>SmartRuleAccess</c>).</summary>
public sealed record SmartRuleGrant(int SmartRuleId, SmartRuleRoles Roles, int? AccessPolicyId);
