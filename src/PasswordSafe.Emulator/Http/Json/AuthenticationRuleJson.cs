namespace PasswordSafe.Emulator.Http.Json;

/// <summary>An IP or XFF rule in registration JSON (api-v3 §6.7). Id is ours [I]: it ties a rule to its kind (A4).</summary>
internal sealed record AuthenticationRuleJson(int Id, string Type, string Value, string Description)
{
    internal static AuthenticationRuleJson From(AddressRule rule) => new(rule.Id, rule.Kind.ToString(), rule.Value, rule.Description);
}
