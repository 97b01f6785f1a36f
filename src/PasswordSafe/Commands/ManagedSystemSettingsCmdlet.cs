using System.Management.Automation;

namespace PasswordSafe.Commands;

/// <summary>
/// The managed-system settings that New-PSManagedSystem and Set-PSManagedSystem both take, declared once so
/// their names, aliases and validation cannot drift apart; each cmdlet adds its own identity parameters.
/// </summary>
public abstract class ManagedSystemSettingsCmdlet : AdminCmdlet
{
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
}
