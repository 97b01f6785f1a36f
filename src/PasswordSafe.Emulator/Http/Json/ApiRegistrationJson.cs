using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>An API registration (api-v3 §6.7). The key is never part of it (GET …/Key reads it, audited).</summary>
internal sealed record ApiRegistrationJson(int Id, string Name, string RegistrationType, int? AccessTokenDuration,
    bool Active, bool Visible, bool MultiFactorAuthenticationEnforced, bool ClientCertificateRequired,
    bool UserPasswordRequired, bool VerifyPsrunSignature, IReadOnlyList<AuthenticationRuleJson> IPAuthenticationRules,
    IReadOnlyList<PsrunRule> PSRUNRules, IReadOnlyList<AuthenticationRuleJson> XForwardedForAuthenticationRules)
{
    internal static ApiRegistrationJson From(ApiRegistration r) => new(r.Id, r.Name, r.RegistrationType.ToString(),
        r.RegistrationType == Emulator.RegistrationType.ApiAccessPolicy ? r.AccessTokenDuration : null,
        r.Active, r.Visible, r.MultiFactorAuthenticationEnforced, r.ClientCertificateRequired, r.UserPasswordRequired,
        r.VerifyPsrunSignature, r.IPAuthenticationRules.Select(AuthenticationRuleJson.From).ToList(), r.PSRUNRules,
        r.XForwardedForAuthenticationRules.Select(AuthenticationRuleJson.From).ToList());
}
