using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Creates an API registration (spec A1–A4): an API key policy or an API access policy, with its options and
/// rules validated before anything is sent. MFA enforcement is on unless <c>-MultiFactorAuthentication $false</c>.
/// </summary>
[Cmdlet(VerbsCommon.New, "PSApiRegistration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ApiRegistration))]
public sealed class NewPSApiRegistrationCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    [Parameter]
    [ValidateSet(ApiRegistrationSpec.ApiKeyPolicy, ApiRegistrationSpec.ApiAccessPolicy)]
    public string Type { get; set; } = ApiRegistrationSpec.ApiKeyPolicy;

    /// <summary>Minutes an OAuth access token lives; ApiAccessPolicy only (default 60).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int AccessTokenDuration { get; set; }

    /// <summary>A2: on by default, as in the console.</summary>
    [Parameter]
    public bool MultiFactorAuthentication { get; set; } = true;

    [Parameter]
    public SwitchParameter ClientCertificateRequired { get; set; }

    [Parameter]
    public SwitchParameter UserPasswordRequired { get; set; }

    [Parameter]
    public SwitchParameter VerifyPsrunSignature { get; set; }

    [Parameter]
    [Alias("IPAuthenticationRules")]
    public object[]? IPRule { get; set; }

    [Parameter]
    [Alias("XForwardedForAuthenticationRules")]
    public object[]? XForwardedForRule { get; set; }

    [Parameter]
    [Alias("PSRUNRules")]
    public object[]? PsrunRule { get; set; }

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            var spec = new ApiRegistrationSpec
            {
                Name = Name,
                RegistrationType = Type,
                AccessTokenDuration = MyInvocation.BoundParameters.ContainsKey(nameof(AccessTokenDuration)) ? AccessTokenDuration : (int?)null,
                MultiFactorAuthenticationEnforced = MultiFactorAuthentication,
                ClientCertificateRequired = ClientCertificateRequired,
                UserPasswordRequired = UserPasswordRequired,
                VerifyPsrunSignature = VerifyPsrunSignature,
                IPRules = AdminInputConverter.ToRules(IPRule, ApiRegistrationBody.IPRuleParameter),
                XForwardedForRules = AdminInputConverter.ToRules(XForwardedForRule, ApiRegistrationBody.XffRuleParameter),
                PsrunRules = AdminInputConverter.ToEntryList(PsrunRule, ApiRegistrationBody.PsrunRuleParameter),
            };

            // Validated before ShouldProcess, so -WhatIf also reports a rule that the server would refuse.
            ApiRegistrationBody.Build(spec, current: null);
            if (!ShouldProcess($"API registration '{Name}' ({Type})", "Create"))
            {
                return;
            }

            var service = new ApiRegistrationService(Connect());
            var created = Run((log, token) => service.CreateAsync(spec, log, token));
            WriteVerbose($"Created API registration '{created.Name}' (id {Id(created.RegistrationId)}). Read its key with Get-PSApiRegistrationKey.");
            WriteObject(created);
        }, Name);
    }
}
