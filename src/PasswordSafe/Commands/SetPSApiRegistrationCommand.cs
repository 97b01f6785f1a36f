using System.Collections.Generic;
using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Changes an API registration (api-v3 §6.7 PUT): only the given settings change; a rule list given replaces
/// that list. Rules are validated first, and a rule cannot move between the IP and X-Forwarded-For lists (A4).
/// A change that turns a sign-in check off (MFA, client certificate, run-as password, PSRUN signature) is asked as a
/// ConfirmImpact.High change unless -Force; other changes are Medium.
/// </summary>
[Cmdlet(VerbsCommon.Set, "PSApiRegistration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ApiRegistration))]
public sealed class SetPSApiRegistrationCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public int RegistrationId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, int.MaxValue)]
    [EmptyIsNotGiven]
    public int AccessTokenDuration { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanText]
    [Alias("MultiFactorAuthenticationEnforced")]
    public bool MultiFactorAuthentication { get; set; }

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
    [BooleanText]
    public bool Active { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("IPAuthenticationRules")]
    public object[]? IPRule { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("XForwardedForAuthenticationRules")]
    public object[]? XForwardedForRule { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("PSRUNRules")]
    public object[]? PsrunRule { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Turn a sign-in check off without the confirmation prompt.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>A piped registration gives its id only: its other properties are its current values, not changes.</summary>
    internal override IReadOnlyCollection<string>? ObjectKeyParameters { get; } = new[] { nameof(RegistrationId) };

    protected override void ProcessItem()
    {
        TryItem(() =>
        {
            RequireASetting(ApiRegistrationService.Describe(RegistrationId));
            var service = new ApiRegistrationService(Connect());
            var current = Run((log, token) => service.GetAsync(RegistrationId, log, token));
            var spec = ApiRegistrationSpec.From(current);
            var bound = MyInvocation.BoundParameters;
            if (Name != null)
            {
                spec.Name = Name;
            }

            if (bound.ContainsKey(nameof(AccessTokenDuration)))
            {
                spec.AccessTokenDuration = AccessTokenDuration;
            }

            if (bound.ContainsKey(nameof(MultiFactorAuthentication)))
            {
                spec.MultiFactorAuthenticationEnforced = MultiFactorAuthentication;
            }

            if (bound.ContainsKey(nameof(ClientCertificateRequired)))
            {
                spec.ClientCertificateRequired = ClientCertificateRequired;
            }

            if (bound.ContainsKey(nameof(UserPasswordRequired)))
            {
                spec.UserPasswordRequired = UserPasswordRequired;
            }

            if (bound.ContainsKey(nameof(VerifyPsrunSignature)))
            {
                spec.VerifyPsrunSignature = VerifyPsrunSignature;
            }

            if (bound.ContainsKey(nameof(Active)))
            {
                spec.Active = Active;
            }

            if (bound.ContainsKey(nameof(IPRule)))
            {
                spec.IPRules = AdminInputConverter.ToRules(IPRule, ApiRegistrationBody.IPRuleParameter);
            }

            if (bound.ContainsKey(nameof(XForwardedForRule)))
            {
                spec.XForwardedForRules = AdminInputConverter.ToRules(XForwardedForRule, ApiRegistrationBody.XffRuleParameter);
            }

            if (bound.ContainsKey(nameof(PsrunRule)))
            {
                spec.PsrunRules = AdminInputConverter.ToEntryList(PsrunRule, ApiRegistrationBody.PsrunRuleParameter);
            }

            var changed = ApiRegistrationBody.ChangedSettings(spec, current, GivenSettings());
            var weakening = ApiRegistrationBody.ChecksTurnedOff(spec, current);
            if (!ShouldUpdate(PipedTargetName.Describe(ApiRegistrationService.Describe(RegistrationId), current.Name), changed, current, PassThru,
                    weakening.Count > 0 ? "turns off " + string.Join(", ", weakening) : null, Force))
            {
                return;
            }

            var updated = Run((log, token) => service.UpdateAsync(current, spec, log, token));
            if (PassThru)
            {
                WriteObject(updated);
            }
        }, RegistrationId);
    }
}
