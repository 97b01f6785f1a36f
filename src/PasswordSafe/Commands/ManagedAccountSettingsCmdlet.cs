using System;
using System.Management.Automation;

namespace PasswordSafe.Commands;

/// <summary>
/// The managed-account settings that New-PSManagedAccount and Set-PSManagedAccount both take, declared once so
/// their names, aliases and validation cannot drift apart (those a managed system shares come from the base); each
/// cmdlet adds its own identity and credential parameters.
/// </summary>
public abstract class ManagedAccountSettingsCmdlet : PasswordManagementSettingsCmdlet
{
    [Parameter]
    public string? DomainName { get; set; }

    [Parameter]
    public string? UserPrincipalName { get; set; }

    [Parameter]
    public string? SamAccountName { get; set; }

    [Parameter]
    public string? DistinguishedName { get; set; }

    [Parameter]
    [Alias("PasswordFallbackFlag")]
    public SwitchParameter PasswordFallback { get; set; }

    [Parameter]
    [Alias("LoginAccountFlag")]
    public SwitchParameter LoginAccount { get; set; }

    [Parameter]
    public SwitchParameter ApiEnabled { get; set; }

    [Parameter]
    public string? ReleaseNotificationEmail { get; set; }

    [Parameter]
    [Alias("ChangeServicesFlag")]
    public SwitchParameter ChangeServices { get; set; }

    [Parameter]
    [Alias("RestartServicesFlag")]
    public SwitchParameter RestartServices { get; set; }

    [Parameter]
    [Alias("ChangeTasksFlag")]
    public SwitchParameter ChangeTasks { get; set; }

    [Parameter]
    public int MaxConcurrentRequests { get; set; }

    [Parameter]
    [Alias("DSSAutoManagementFlag")]
    public SwitchParameter DssAutoManagement { get; set; }

    [Parameter]
    public DateTime NextChangeDate { get; set; }

    [Parameter]
    public SwitchParameter UseOwnCredentials { get; set; }

    [Parameter]
    [Alias("ChangeIISAppPoolFlag")]
    public SwitchParameter ChangeIisAppPool { get; set; }

    [Parameter]
    [Alias("RestartIISAppPoolFlag")]
    public SwitchParameter RestartIisAppPool { get; set; }

    [Parameter]
    public int WorkgroupId { get; set; }

    [Parameter]
    [Alias("ChangeWindowsAutoLogonFlag")]
    public SwitchParameter ChangeWindowsAutoLogon { get; set; }

    [Parameter]
    [Alias("ChangeComPlusFlag")]
    public SwitchParameter ChangeComPlus { get; set; }

    [Parameter]
    [Alias("ChangeDComFlag")]
    public SwitchParameter ChangeDCom { get; set; }

    [Parameter]
    [Alias("ChangeSComFlag")]
    public SwitchParameter ChangeSCom { get; set; }

    [Parameter]
    public string? ObjectId { get; set; }

    [Parameter]
    [ValidateSet("3.0", "3.1", "3.2", "3.3", "3.4", "3.5")]
    public string? ApiVersion { get; set; }
}
