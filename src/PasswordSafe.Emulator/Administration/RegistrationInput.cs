using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>
/// A POST/PUT ApiRegistrations body (api-v3 §6.7) after its shape was checked. Null means "not sent": POST takes
/// the defaults (MFA on, A2), PUT keeps the current value.
/// </summary>
internal sealed class RegistrationInput
{
    internal string? Name { get; init; }
    internal RegistrationType? Type { get; init; }
    internal int? AccessTokenDuration { get; init; }
    internal bool? Active { get; init; }
    internal bool? Visible { get; init; }
    internal bool? MultiFactorAuthenticationEnforced { get; init; }
    internal bool? ClientCertificateRequired { get; init; }
    internal bool? UserPasswordRequired { get; init; }
    internal bool? VerifyPsrunSignature { get; init; }
    internal IReadOnlyList<RuleInput>? IPRules { get; init; }
    internal IReadOnlyList<RuleInput>? XffRules { get; init; }
    internal IReadOnlyList<PsrunRule>? PsrunRules { get; init; }
}
