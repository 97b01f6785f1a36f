namespace PasswordSafe.Emulator;

/// <summary>An IP or X-Forwarded-For rule as a client sent it; Id ties it to an existing rule on update (A4).</summary>
internal sealed record RuleInput(int? Id, string? Type, string Value, string? Description);
