using System.Collections.Generic;
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
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>ApiKeyPolicy or ApiAccessPolicy, any case; checked before sending (not [ValidateSet]: an empty cell is no value).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ListedValueCompleter))]
    [Alias("RegistrationType")]
    public string Type { get; set; } = ApiRegistrationSpec.ApiKeyPolicy;

    /// <summary>Minutes an OAuth access token lives; ApiAccessPolicy only (default 60).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, int.MaxValue)]
    [EmptyIsNotGiven]
    public int AccessTokenDuration { get; set; }

    /// <summary>A2: on by default, as in the console.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanText]
    [Alias("MultiFactorAuthenticationEnforced")]
    public bool MultiFactorAuthentication { get; set; } = true;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanText]
    public SwitchParameter ClientCertificateRequired { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanText]
    public SwitchParameter UserPasswordRequired { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanText]
    public SwitchParameter VerifyPsrunSignature { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("IPAuthenticationRules")]
    public object[]? IPRule { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("XForwardedForAuthenticationRules")]
    public object[]? XForwardedForRule { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("PSRUNRules")]
    public object[]? PsrunRule { get; set; }

    /// <summary>Objects the module returned give no registration settings: a piped registration's values are its own.</summary>
    internal override IReadOnlyCollection<string>? ObjectKeyParameters { get; } = new string[0];

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            var spec = new ApiRegistrationSpec
            {
                Name = Name,
                RegistrationType = ApiRegistrationSpec.TypeNamed(Type),
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
