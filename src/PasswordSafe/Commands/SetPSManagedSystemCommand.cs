using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>Changes a managed system (<c>PUT ManagedSystems/{id}?version=</c>, api-v3 §6.3): values not given keep their current value.</summary>
[Cmdlet(VerbsCommon.Set, "PSManagedSystem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ManagedSystem))]
public sealed class SetPSManagedSystemCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public int ManagedSystemId { get; set; }

    [Parameter]
    public int PlatformId { get; set; }

    [Parameter]
    public string? ContactEmail { get; set; }

    [Parameter]
    public string? Description { get; set; }

    [Parameter]
    public int Port { get; set; }

    [Parameter]
    public int Timeout { get; set; }

    [Parameter]
    public int SshKeyEnforcementMode { get; set; }

    [Parameter]
    public int PasswordRuleId { get; set; }

    [Parameter]
    public int DssKeyRuleId { get; set; }

    [Parameter]
    public int LoginAccountId { get; set; }

    [Parameter]
    public int ReleaseDuration { get; set; }

    [Parameter]
    public int MaxReleaseDuration { get; set; }

    [Parameter]
    public int IsaReleaseDuration { get; set; }

    [Parameter]
    [Alias("AutoManagementFlag")]
    public SwitchParameter AutoManagement { get; set; }

    [Parameter]
    public int FunctionalAccountId { get; set; }

    [Parameter]
    public string? ElevationCommand { get; set; }

    [Parameter]
    [Alias("CheckPasswordFlag")]
    public SwitchParameter CheckPassword { get; set; }

    [Parameter]
    [Alias("ChangePasswordAfterAnyReleaseFlag")]
    public SwitchParameter ChangePasswordAfterAnyRelease { get; set; }

    [Parameter]
    [Alias("ResetPasswordOnMismatchFlag")]
    public SwitchParameter ResetPasswordOnMismatch { get; set; }

    [Parameter]
    [ValidateSet("first", "last", "xdays")]
    public string? ChangeFrequencyType { get; set; }

    [Parameter]
    public int ChangeFrequencyDays { get; set; }

    [Parameter]
    public string? ChangeTime { get; set; }

    [Parameter]
    [ValidateSet("None", "EPM")]
    public string? RemoteClientType { get; set; }

    [Parameter]
    public int ApplicationHostId { get; set; }

    [Parameter]
    public SwitchParameter IsApplicationHost { get; set; }

    [Parameter]
    [ValidateSet("3.0", "3.1", "3.2", "3.3")]
    public string? ApiVersion { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        TryItem(() =>
        {
            var changes = BoundFields(ManagedSystemFields.All);
            BodyBuilder.Build("managed system", ManagedSystemFields.All, changes, null, ParseVersion(ApiVersion));
            if (!ShouldProcess(ManagedSystemService.Describe(ManagedSystemId), "Update"))
            {
                return;
            }

            var service = new ManagedSystemService(Connect());
            var updated = Run((log, token) => service.UpdateAsync(ManagedSystemId, changes, ParseVersion(ApiVersion), log, token));
            if (PassThru)
            {
                WriteObject(updated);
            }
        }, ManagedSystemId);
    }
}
