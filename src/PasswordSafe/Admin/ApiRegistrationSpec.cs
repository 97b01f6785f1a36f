using System.Collections.Generic;

namespace PasswordSafe.Admin;

/// <summary>Everything an API registration body carries (api-v3 §6.7), before validation.</summary>
internal sealed class ApiRegistrationSpec
{
    public const string ApiKeyPolicy = "ApiKeyPolicy";
    public const string ApiAccessPolicy = "ApiAccessPolicy";
    public const int DefaultAccessTokenDuration = 60;

    /// <summary>The registration type as the API spells it, whatever the case typed; anything else as given, for the body check to refuse.</summary>
    public static string TypeNamed(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        return trimmed.Equals(ApiAccessPolicy, System.StringComparison.OrdinalIgnoreCase) ? ApiAccessPolicy
            : trimmed.Equals(ApiKeyPolicy, System.StringComparison.OrdinalIgnoreCase) ? ApiKeyPolicy
            : trimmed;
    }

    public string Name { get; set; } = string.Empty;

    public string RegistrationType { get; set; } = ApiKeyPolicy;

    /// <summary>Minutes; ApiAccessPolicy only. Null means the default (60) for an access policy.</summary>
    public int? AccessTokenDuration { get; set; }

    public bool Active { get; set; } = true;

    public bool Visible { get; set; } = true;

    /// <summary>On by default, as in the console (spec A2).</summary>
    public bool MultiFactorAuthenticationEnforced { get; set; } = true;

    public bool ClientCertificateRequired { get; set; }

    public bool UserPasswordRequired { get; set; }

    public bool VerifyPsrunSignature { get; set; }

    public IList<RuleInput> IPRules { get; set; } = new List<RuleInput>();

    public IList<RuleInput> XForwardedForRules { get; set; } = new List<RuleInput>();

    /// <summary>PSRUN rules as key → value (IPAddress, MacAddress, SystemName, FQDN, DomainName, UserId, RootVolumeId, OSVersion, Id).</summary>
    public IList<IDictionary<string, object?>> PsrunRules { get; set; } = new List<IDictionary<string, object?>>();

    public bool IsAccessPolicy => RegistrationType == ApiAccessPolicy;

    /// <summary>A spec holding what the server has now, to which Set-PSApiRegistration applies its changes.</summary>
    public static ApiRegistrationSpec From(ApiRegistration current)
    {
        var spec = new ApiRegistrationSpec
        {
            Name = current.Name ?? string.Empty,
            RegistrationType = current.RegistrationType ?? ApiKeyPolicy,
            AccessTokenDuration = current.AccessTokenDuration,
            Active = current.Active,
            Visible = current.Visible,
            MultiFactorAuthenticationEnforced = current.MultiFactorAuthenticationEnforced,
            ClientCertificateRequired = current.ClientCertificateRequired,
            UserPasswordRequired = current.UserPasswordRequired,
            VerifyPsrunSignature = current.VerifyPsrunSignature,
        };
        foreach (var rule in current.IPAuthenticationRules)
        {
            spec.IPRules.Add(new RuleInput(rule.Value, rule.Type, rule.Description));
        }

        foreach (var rule in current.XForwardedForAuthenticationRules)
        {
            spec.XForwardedForRules.Add(new RuleInput(rule.Value, rule.Type, rule.Description));
        }

        foreach (var rule in current.PSRUNRules)
        {
            spec.PsrunRules.Add(new Dictionary<string, object?>
            {
                ["Id"] = rule.Id, ["IPAddress"] = rule.IPAddress, ["MacAddress"] = rule.MacAddress, ["SystemName"] = rule.SystemName,
                ["FQDN"] = rule.FQDN, ["DomainName"] = rule.DomainName, ["UserId"] = rule.UserId,
                ["RootVolumeId"] = rule.RootVolumeId, ["OSVersion"] = rule.OSVersion,
            });
        }

        return spec;
    }
}
