using System.Collections.Generic;

namespace PasswordSafe.Emulator;

/// <summary>An API registration in a seed (A1–A5). Absent options take the console's defaults.</summary>
public sealed class SeedApiRegistration
{
    public int Id { get; set; }
    public string? Name { get; set; }
    public RegistrationType RegistrationType { get; set; } = RegistrationType.ApiKeyPolicy;
    /// <summary>128 alphanumerics or a legacy GUID; generated when absent (A5). Only for ApiKeyPolicy.</summary>
    public string? Key { get; set; }
    public int? AccessTokenDuration { get; set; }
    public bool? Active { get; set; }
    public bool? Visible { get; set; }
    /// <summary>A2: absent means true, as the console's default is "on".</summary>
    public bool? MultiFactorAuthenticationEnforced { get; set; }
    public bool? ClientCertificateRequired { get; set; }
    public bool? UserPasswordRequired { get; set; }
    public bool? VerifyPsrunSignature { get; set; }
    public List<SeedAuthenticationRule> IPAuthenticationRules { get; set; } = new();
    public List<SeedAuthenticationRule> XForwardedForAuthenticationRules { get; set; } = new();
    public List<SeedPsrunRule> PSRUNRules { get; set; } = new();
}
