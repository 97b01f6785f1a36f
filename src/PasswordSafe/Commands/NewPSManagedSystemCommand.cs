using System.Management.Automation;
using PasswordSafe.Admin;

namespace PasswordSafe.Commands;

/// <summary>
/// Puts an asset under management (E5, <c>POST Assets/{id}/ManagedSystems?version=</c>, api-v3 §6.3); a piped
/// Asset binds by AssetId. The body version is the lowest that carries every value given, unless -ApiVersion says otherwise.
/// </summary>
[Cmdlet(VerbsCommon.New, "PSManagedSystem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ManagedSystem))]
public sealed class NewPSManagedSystemCommand : AdminCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public int AssetId { get; set; }

    [Parameter(Mandatory = true)]
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

    protected override void ProcessRecord()
    {
        TryItem(() =>
        {
            var values = BoundFields(ManagedSystemFields.All);
            BodyBuilder.RequireNotAbove(BodyBuilder.Build("managed system", ManagedSystemFields.All, values, null, ParseVersion(ApiVersion)),
                "ReleaseDuration", "ReleaseDuration", "MaxReleaseDuration", "MaxReleaseDuration");
            if (!ShouldProcess(AssetService.DescribeAsset(AssetId), "Create a managed system (platform " + Id(PlatformId) + ")"))
            {
                return;
            }

            var service = new ManagedSystemService(Connect());
            WriteObject(Run((log, token) => service.CreateAsync(AssetId, values, ParseVersion(ApiVersion), log, token)));
        }, AssetId);
    }
}
