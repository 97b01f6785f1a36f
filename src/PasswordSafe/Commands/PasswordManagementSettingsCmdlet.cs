using System.Management.Automation;

namespace PasswordSafe.Commands;

/// <summary>
/// The password-management settings a managed system and a managed account share (release durations, password rule,
/// automatic management and its change schedule): declared once for New-/Set-PSManagedSystem and
/// New-/Set-PSManagedAccount, so the two levels cannot drift apart in names, aliases or validation.
/// </summary>
public abstract class PasswordManagementSettingsCmdlet : AdminCmdlet
{
    [Parameter]
    public string? Description { get; set; }

    [Parameter]
    public int PasswordRuleId { get; set; }

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
    [Alias("CheckPasswordFlag")]
    public SwitchParameter CheckPassword { get; set; }

    [Parameter]
    [Alias("ResetPasswordOnMismatchFlag")]
    public SwitchParameter ResetPasswordOnMismatch { get; set; }

    [Parameter]
    [Alias("ChangePasswordAfterAnyReleaseFlag")]
    public SwitchParameter ChangePasswordAfterAnyRelease { get; set; }

    [Parameter]
    [ValidateSet("first", "last", "xdays")]
    public string? ChangeFrequencyType { get; set; }

    [Parameter]
    public int ChangeFrequencyDays { get; set; }

    [Parameter]
    public string? ChangeTime { get; set; }
}
