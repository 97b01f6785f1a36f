using System.Management.Automation;

namespace PasswordSafe.Commands;

/// <summary>
/// The password-management settings a managed system and a managed account share (release durations, password rule,
/// automatic management and its change schedule): declared once for New-/Set-PSManagedSystem and
/// New-/Set-PSManagedAccount, so the two levels cannot drift apart in names, aliases or validation.
/// </summary>
public abstract class PasswordManagementSettingsCmdlet : AdminCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int PasswordRuleId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int ReleaseDuration { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int MaxReleaseDuration { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int IsaReleaseDuration { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("AutoManagementFlag")]
    [BooleanText]
    public SwitchParameter AutoManagement { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("CheckPasswordFlag")]
    [BooleanText]
    public SwitchParameter CheckPassword { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ResetPasswordOnMismatchFlag")]
    [BooleanText]
    public SwitchParameter ResetPasswordOnMismatch { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ChangePasswordAfterAnyReleaseFlag")]
    [BooleanText]
    public SwitchParameter ChangePasswordAfterAnyRelease { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ListedValueCompleter))] // first, last or xdays, checked before sending
    public string? ChangeFrequencyType { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int ChangeFrequencyDays { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ChangeTime { get; set; }
}
